"""Animations of recorded activity: ``animate_1D`` (curves) and ``animate_2D`` (a grid).

Both build a :class:`matplotlib.animation.FuncAnimation` with one frame per ``frame_step``
recorded steps, titled with the time of the step. ``save_path`` ending in ``.gif`` is written
with Pillow, any other suffix (``.mp4``) with ffmpeg; ``show=True`` shows the figure. Both
return the animation (keep a reference while it plays).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

import brainpy_math as bm
from brainpy_dyn._src.errors import PlotValueError

__all__ = ["animate_1D", "animate_2D"]


def _array(x: Any) -> np.ndarray:
    return np.asarray(bm.as_numpy(x) if hasattr(x, "_value") else x)


def _dt(dt: Any, who: str) -> float:
    dt = bm.get_dt() if dt is None else dt
    if isinstance(dt, bool) or not isinstance(dt, (int, float)) or not dt > 0:
        raise PlotValueError(f"{who}: dt must be a positive number, got {dt!r}.")
    return float(dt)


def _frame_step(frame_step: Any, who: str) -> int:
    if isinstance(frame_step, bool) or not isinstance(frame_step, int) or frame_step < 1:
        raise PlotValueError(f"{who}: frame_step must be an int >= 1, got {frame_step!r}.")
    return frame_step


def _curves(items: Any, who: str, arg: str, ndim: int) -> list[dict[str, Any]]:
    """``[{'ys', 'xs', 'legend'}]`` from an array, a dict or a sequence of them."""
    if isinstance(items, Mapping) or hasattr(items, "shape"):
        items = [items]
    out = []
    for k, item in enumerate(items):
        if isinstance(item, Mapping):
            if "ys" not in item:
                raise PlotValueError(
                    f"{who}: every dict of {arg} needs 'ys', got keys {list(item)}."
                )
            ys, xs, legend = _array(item["ys"]), item.get("xs"), item.get("legend")
        else:
            ys, xs, legend = _array(item), None, None
        if ys.ndim != ndim:
            raise PlotValueError(
                f"{who}: {arg}[{k}] must be {ndim}-D ({'(time, neurons)' if ndim == 2 else '(neurons,)'}), "
                f"got shape {ys.shape}."
            )
        xs = np.arange(ys.shape[-1]) if xs is None else _array(xs)
        if xs.shape != (ys.shape[-1],):
            raise PlotValueError(
                f"{who}: the xs of {arg}[{k}] must have shape ({ys.shape[-1]},), got {xs.shape}."
            )
        out.append({"ys": ys, "xs": xs, "legend": legend})
    return out


def _finish(
    anim: Any, plt: Any, delay: float, save_path: Any, gif_dpi: Any, video_fps: Any, show: bool
) -> Any:
    if save_path is not None:
        path = str(save_path)
        fps = 1000.0 / delay if video_fps is None else video_fps
        if path.lower().endswith(".gif"):
            from matplotlib.animation import PillowWriter

            anim.save(path, writer=PillowWriter(fps=fps), dpi=gif_dpi)
        else:
            anim.save(path, fps=fps, dpi=gif_dpi)
    if show:
        plt.show()
    return anim


def animate_1D(
    dynamical_vars: Any,
    static_vars: Any = (),
    dt: float | None = None,
    xlim: Any = None,
    ylim: Any = None,
    xlabel: str | None = None,
    ylabel: str | None = None,
    frame_delay: float = 50.0,
    frame_step: int = 1,
    title_size: float = 10,
    figsize: Any = None,
    gif_dpi: Any = None,
    video_fps: Any = None,
    save_path: str | None = None,
    show: bool = True,
    **kwargs: Any,
) -> Any:
    """Animate curves over the neurons, one frame per recorded step.

    BrainPy implementation of ``brainpy.visualize.animate_1D`` (2.3.5).

    Args:
      dynamical_vars: the curves that change: an array ``(time, neurons)``, a dict
        ``{'ys': array, 'xs': positions, 'legend': label}``, or a sequence of those.
      static_vars: curves drawn in every frame: ``(neurons,)`` arrays or such dicts.
      dt: the time step of the records (default :func:`brainpy_math.get_dt`).
      xlim: the x limits (default: the positions' range).
      ylim: the y limits (default: the values' range, with a margin).
      xlabel: the x label.
      ylabel: the y label.
      frame_delay: milliseconds between frames.
      frame_step: records per frame.
      title_size: the font size of the title (the time).
      figsize: the figure size.
      gif_dpi: the resolution of a saved file.
      video_fps: frames per second of a saved file (default ``1000 / frame_delay``).
      save_path: a ``.gif`` or video file to write.
      show: show the figure.
      **kwargs: passed to ``ax.plot`` for every curve.

    Returns:
      The :class:`matplotlib.animation.FuncAnimation`.

    Raises:
      PlotValueError: malformed curves, curves of different lengths, or a bad ``dt`` or
        ``frame_step``.

    Examples:
      >>> import matplotlib
      >>> matplotlib.use('Agg')
      >>> import numpy as np
      >>> import brainpy_dyn as bd
      >>> ys = np.sin(np.linspace(0., 1., 5)[:, None] + np.linspace(0., 3., 10))  # (time, neurons)
      >>> import os, tempfile
      >>> path = os.path.join(tempfile.mkdtemp(), 'waves.gif')
      >>> anim = bd.visualize.animate_1D(ys, dt=0.1, show=False, save_path=path)
      >>> os.path.getsize(path) > 0
      True
    """
    who = "animate_1D"
    dt = _dt(dt, who)
    frame_step = _frame_step(frame_step, who)
    dynamic = _curves(dynamical_vars, who, "dynamical_vars", 2)
    static = _curves(static_vars, who, "static_vars", 1) if len(static_vars) else []
    if not dynamic:
        raise PlotValueError(f"{who}: give at least one curve in dynamical_vars.")
    lengths = {d["ys"].shape[0] for d in dynamic}
    if len(lengths) != 1:
        raise PlotValueError(
            f"{who}: every dynamical curve needs one length, got {sorted(lengths)}."
        )
    n_steps = lengths.pop()
    import matplotlib.pyplot as plt
    from matplotlib.animation import FuncAnimation

    fig, ax = plt.subplots(figsize=figsize)
    for s in static:
        ax.plot(s["xs"], s["ys"], label=s["legend"], **kwargs)
    lines = [ax.plot(d["xs"], d["ys"][0], label=d["legend"], **kwargs)[0] for d in dynamic]
    every = [*dynamic, *static]
    xs_all = np.concatenate([c["xs"] for c in every]).astype(float)
    ys_all = np.concatenate([c["ys"].ravel() for c in every]).astype(float)
    if xlim is None and xs_all.size:
        xlim = (xs_all.min(), xs_all.max()) if xs_all.min() < xs_all.max() else None
    if ylim is None and np.isfinite(ys_all).any():
        lo, hi = np.nanmin(ys_all), np.nanmax(ys_all)
        pad = 0.05 * (hi - lo) if hi > lo else 1.0
        ylim = (lo - pad, hi + pad)
    if xlim is not None:
        ax.set_xlim(xlim)
    if ylim is not None:
        ax.set_ylim(ylim)
    if xlabel:
        ax.set_xlabel(xlabel)
    if ylabel:
        ax.set_ylabel(ylabel)
    if any(c["legend"] for c in every):
        ax.legend()
    title = ax.set_title("", fontsize=title_size)
    frames = range(0, n_steps, frame_step)

    def draw(i: int) -> Sequence[Any]:
        for line, d in zip(lines, dynamic, strict=True):
            line.set_ydata(d["ys"][i])
        title.set_text(f"Time: {i * dt:.2f} ms")
        return [*lines, title]

    draw(0)
    anim = FuncAnimation(fig, draw, frames=frames, interval=frame_delay, blit=False, repeat=False)
    return _finish(anim, plt, frame_delay, save_path, gif_dpi, video_fps, show)


def animate_2D(
    values: Any,
    net_size: Sequence[int],
    dt: float | None = None,
    val_min: float | None = None,
    val_max: float | None = None,
    cmap: Any = None,
    frame_delay: float = 10,
    frame_step: int = 1,
    title_size: float = 10,
    figsize: Any = None,
    gif_dpi: Any = None,
    video_fps: Any = None,
    save_path: str | None = None,
    show: bool = True,
) -> Any:
    """Animate the activity of a 2-D sheet of neurons, one image per recorded step.

    BrainPy implementation of ``brainpy.visualize.animate_2D`` (2.3.5): row ``i`` of
    ``values`` is reshaped to ``net_size`` (row-major) and drawn with ``imshow``.

    Args:
      values: the records, shape ``(time, height * width)`` (or ``(time, height, width)``).
      net_size: ``(height, width)``.
      dt: the time step of the records (default :func:`brainpy_math.get_dt`).
      val_min: the value of the lowest colour (default: the minimum of ``values``).
      val_max: the value of the highest colour (default: the maximum).
      cmap: the colour map (matplotlib's default if ``None``).
      frame_delay: milliseconds between frames.
      frame_step: records per frame.
      title_size: the font size of the title (the time).
      figsize: the figure size.
      gif_dpi: the resolution of a saved file.
      video_fps: frames per second of a saved file (default ``1000 / frame_delay``).
      save_path: a ``.gif`` or video file to write.
      show: show the figure.

    Returns:
      The :class:`matplotlib.animation.FuncAnimation`.

    Raises:
      PlotValueError: ``values`` that do not hold ``height * width`` values per step, or a
        bad ``net_size``, ``dt`` or ``frame_step``.

    Examples:
      >>> import matplotlib
      >>> matplotlib.use('Agg')
      >>> import numpy as np
      >>> import brainpy_dyn as bd
      >>> values = np.random.default_rng(0).random((5, 12))  # 5 steps of a 3 x 4 sheet
      >>> import os, tempfile
      >>> path = os.path.join(tempfile.mkdtemp(), 'sheet.gif')
      >>> anim = bd.visualize.animate_2D(values, net_size=(3, 4), dt=0.1, show=False, save_path=path)
      >>> os.path.getsize(path) > 0
      True
    """
    who = "animate_2D"
    dt = _dt(dt, who)
    frame_step = _frame_step(frame_step, who)
    if (
        not isinstance(net_size, Sequence)
        or len(net_size) != 2
        or not all(isinstance(n, int) and not isinstance(n, bool) and n > 0 for n in net_size)
    ):
        raise PlotValueError(f"{who}: net_size must be (height, width), got {net_size!r}.")
    data = _array(values)
    height, width = net_size
    if data.ndim < 2 or int(np.prod(data.shape[1:])) != height * width:
        raise PlotValueError(
            f"{who}: values must have shape (time, {height * width}) for net_size={tuple(net_size)}, "
            f"got {data.shape}."
        )
    data = data.reshape(data.shape[0], height, width)
    vmin = float(np.nanmin(data)) if val_min is None else val_min
    vmax = float(np.nanmax(data)) if val_max is None else val_max
    import matplotlib.pyplot as plt
    from matplotlib.animation import FuncAnimation

    fig, ax = plt.subplots(figsize=figsize)
    image = ax.imshow(data[0], cmap=cmap, vmin=vmin, vmax=vmax)
    fig.colorbar(image, ax=ax)
    title = ax.set_title("", fontsize=title_size)
    frames = range(0, data.shape[0], frame_step)

    def draw(i: int) -> Sequence[Any]:
        image.set_data(data[i])
        title.set_text(f"Time: {i * dt:.2f} ms")
        return [image, title]

    draw(0)
    anim = FuncAnimation(fig, draw, frames=frames, interval=frame_delay, blit=False, repeat=False)
    return _finish(anim, plt, frame_delay, save_path, gif_dpi, video_fps, show)
