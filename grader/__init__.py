"""The autograder of the convolutional-networks assignment.

Layout, one place per job:
- cli.py and one module per command: check.py, grade.py, assign.py;
- suites.py: the cases (public, and hidden from a seed);
- oracle.py: the trusted answers;
- sandbox/: the worker process that runs student code, and its parent side;
- engine.py: runs the cases through the sandbox and scores each function;
- checks.py: the comparisons;
- reports/: terminal, Gradescope results.json, grades.csv.
"""
