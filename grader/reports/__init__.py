"""Reports: turn a SubmissionResult into what people and systems read.

- terminal: the readable report of `grader check`;
- gradescope: Gradescope's results.json;
- gradebook: grades.csv, one row per submission.
"""
