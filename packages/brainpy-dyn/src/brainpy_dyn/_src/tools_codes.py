"""Helpers for source code: indentation, identifiers, word replacement, building functions."""

from __future__ import annotations

import ast
import inspect
import keyword
import re
import textwrap
import types
from collections.abc import Callable, Sequence
from typing import Any

import brainpy_math as bm

__all__ = [
    "indent",
    "deindent",
    "word_replace",
    "get_identifiers",
    "is_lambda_function",
    "get_func_source",
    "get_main_code",
    "code_lines_to_func",
    "change_func_name",
]


def indent(text: str, num_tabs: int = 1, spaces_per_tab: int = 4, tab: str | None = None) -> str:
    r"""Indent every line of ``text`` by ``num_tabs`` tabs (of ``spaces_per_tab`` spaces).

    Examples:
      >>> from brainpy_dyn import tools
      >>> tools.indent('a\nb', num_tabs=1, spaces_per_tab=2)
      '  a\n  b'
    """
    tab = " " * spaces_per_tab if tab is None else tab
    return "\n".join(tab * num_tabs + line for line in text.split("\n"))


def deindent(
    text: str, num_tabs: int | None = None, spaces_per_tab: int = 4, docstring: bool = False
) -> str:
    r"""Remove the common leading indentation of ``text`` (or ``num_tabs`` tabs of it).

    Args:
      text: the text.
      num_tabs: how many tabs to remove (``None``: all the common indentation).
      spaces_per_tab: the width of a tab, in spaces (tabs in ``text`` count as this many).
      docstring: the first line is a docstring's first line, which has no indentation; it
        is left out when measuring the common indentation.

    Examples:
      >>> from brainpy_dyn import tools
      >>> tools.deindent('    x = 1\n      y = 2')
      'x = 1\n  y = 2'
    """
    text = text.replace("\t", " " * spaces_per_tab)
    lines = text.split("\n")
    measured = lines[1:] if docstring else lines
    widths = [len(line) - len(line.lstrip()) for line in measured if line.strip()]
    common = min(widths) if widths else 0
    if num_tabs is not None:
        common = min(common, num_tabs * spaces_per_tab)
    out = [line[common:] if line[:common].strip() == "" else line.lstrip() for line in lines]
    if docstring:
        out[0] = lines[0].strip()
    return "\n".join(out)


_IDENTIFIER = re.compile(r"(?<![\w.])[A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*")
_NUMBER = re.compile(r"(?<![\w.])(?:\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?)")


def get_identifiers(expr: str, include_numbers: bool = False) -> set[str]:
    """The identifiers (dotted names included) in a code string, without Python keywords.

    Examples:
      >>> from brainpy_dyn import tools
      >>> sorted(tools.get_identifiers('bm.exp(-v / tau) + 2.5 * x'))
      ['bm.exp', 'tau', 'v', 'x']
      >>> sorted(tools.get_identifiers('a + 2.5', include_numbers=True))
      ['2.5', 'a']
    """
    names = {m for m in _IDENTIFIER.findall(expr) if not keyword.iskeyword(m)}
    if include_numbers:
        names |= set(_NUMBER.findall(expr))
    return names


def word_replace(expr: str, substitutions: dict[str, str], exclude_dot: bool = True) -> str:
    """Replace whole words of ``expr`` by ``substitutions``.

    Args:
      expr: the code string.
      substitutions: ``{word: replacement}``.
      exclude_dot: leave words that follow a dot (attributes such as ``self.v``) alone.

    Examples:
      >>> from brainpy_dyn import tools
      >>> tools.word_replace('v + self.v + vv', {'v': 'V'})
      'V + self.v + vv'
    """
    for word, new in substitutions.items():
        prefix = r"(?<![\w.])" if exclude_dot else r"(?<!\w)"
        expr = re.sub(prefix + re.escape(word) + r"(?!\w)", lambda _m, new=new: str(new), expr)
    return expr


def is_lambda_function(func: Callable) -> bool:
    """Whether ``func`` was written as a ``lambda``.

    Examples:
      >>> from brainpy_dyn import tools
      >>> tools.is_lambda_function(lambda x: x), tools.is_lambda_function(abs)
      (True, False)
    """
    return isinstance(func, types.LambdaType) and func.__name__ == "<lambda>"


def get_func_source(func: Callable) -> str:
    """The source code of ``func``, dedented.

    Raises:
      OSError: the source is not available (built-ins, code typed in a bare REPL).

    Examples:
      >>> from brainpy_dyn import tools
      >>> from brainpy_dyn._src.tools_codes import indent
      >>> tools.get_func_source(indent).splitlines()[0]
      'def indent(text: str, num_tabs: int = 1, spaces_per_tab: int = 4, tab: str | None = None) -> str:'
    """
    return textwrap.dedent(inspect.getsource(func))


def get_main_code(func: Callable, codes: str | None = None) -> str:
    """The body of ``func`` as code: its statements, or ``return <expr>`` for a lambda.

    A leading docstring is dropped.

    Args:
      func: the function.
      codes: its source (read with :func:`get_func_source` when ``None``).

    Examples:
      >>> from brainpy_dyn import tools
      >>> tools.get_main_code(lambda v, t: -v + 1.)
      'return -v + 1.'
    """
    if func is None:
        return ""
    source = get_func_source(func) if codes is None else textwrap.dedent(codes)
    try:
        tree = ast.parse(source)
    except SyntaxError:  # a lambda inside a larger expression: parse the line it is on
        tree = ast.parse(source.strip().rstrip(",").split("=", 1)[-1].strip())
    for node in ast.walk(tree):
        if isinstance(node, ast.Lambda) and is_lambda_function(func):
            return "return " + ast.get_source_segment(source, node.body)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == func.__name__:
            body = list(node.body)
            if (
                body
                and isinstance(body[0], ast.Expr)
                and isinstance(getattr(body[0], "value", None), ast.Constant)
                and isinstance(body[0].value.value, str)
            ):
                body = body[1:]
            lines = source.split("\n")
            if not body:
                return "pass"
            start = body[0].lineno - 1
            end = body[-1].end_lineno
            return textwrap.dedent("\n".join(lines[start:end]))
    raise ValueError(f"get_main_code: cannot find the code of {func!r} in its source.")


def code_lines_to_func(
    lines: Sequence[str] | str,
    func_name: str,
    func_args: Sequence[str] | str,
    scope: dict[str, Any],
    remind: str = "",
) -> Callable:
    """Build a function ``func_name(*func_args)`` whose body is ``lines``, in ``scope``.

    Args:
      lines: the body, one statement per line (indented or not), or one string.
      func_name: the function's name.
      func_args: its parameter names (a sequence or a comma-separated string).
      scope: the global names the body uses; the new function is added to it.
      remind: a hint appended to the error when the code does not compile.

    Returns:
      The function.

    Raises:
      ValueError: the code does not compile (the message shows it).

    Examples:
      >>> from brainpy_dyn import tools
      >>> f = tools.code_lines_to_func(['y = x * k', 'return y'], 'times_k', ['x'], {'k': 3})
      >>> f(2)
      6
    """
    body = lines.split("\n") if isinstance(lines, str) else list(lines)
    args = func_args if isinstance(func_args, str) else ", ".join(func_args)
    code = f"def {func_name}({args}):\n" + indent(deindent("\n".join(body)))
    try:
        exec(compile(code, f"<{func_name}>", "exec"), scope)
    except Exception as err:
        raise ValueError(
            f"code_lines_to_func: the code of {func_name!r} does not compile ({err}):\n{code}"
            + (f"\n{remind}" if remind else "")
        ) from err
    return scope[func_name]


def change_func_name(f: Callable, name: str) -> Callable:
    """Rename ``f`` (its ``__name__`` and ``__qualname__``); return it.

    Examples:
      >>> from brainpy_dyn import tools
      >>> tools.change_func_name(lambda x: x, 'identity').__name__
      'identity'
    """
    f.__name__ = name
    f.__qualname__ = name
    return f


bm.set_module(
    "brainpy_dyn.tools",
    indent,
    deindent,
    word_replace,
    get_identifiers,
    is_lambda_function,
    get_func_source,
    get_main_code,
    code_lines_to_func,
    change_func_name,
)
