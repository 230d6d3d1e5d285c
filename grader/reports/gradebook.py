"""grades.csv: a row per submission with its points per function and its total."""
import csv

from grader.engine import FUNCTIONS


def write(submissions, path):
    """submissions: SubmissionResult objects, in the order to list them."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # Names come from file names, which need not be valid UTF-8.
    with open(path, "w", newline="", encoding="utf-8", errors="backslashreplace") as stream:
        writer = csv.writer(stream)
        writer.writerow(["submission", *FUNCTIONS, "total"])
        for result in submissions:
            writer.writerow([result.name,
                             *(f"{result.functions[f].points:g}" for f in FUNCTIONS),
                             f"{result.points:g}"])
