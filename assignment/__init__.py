"""Helpers that students and the notebooks import next to `layers.py`."""
from assignment.gradient_check import (eval_numerical_gradient,
                                       eval_numerical_gradient_array, rel_error)

__all__ = ["rel_error", "eval_numerical_gradient", "eval_numerical_gradient_array"]
