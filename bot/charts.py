"""PNG charts drawn with matplotlib (Agg, no display) in a Korean font shipped by the
`koreanize-matplotlib` package (NanumGothic), never a system font, so a chart reads the
same on every server. Drawing is CPU work: callers run it in a thread (asyncio.to_thread)."""

from __future__ import annotations

import io
from functools import cache
from importlib.util import find_spec
from pathlib import Path


@cache
def korean_font():
    """The NanumGothic font file of koreanize-matplotlib, as FontProperties."""
    from matplotlib.font_manager import FontProperties

    spec = find_spec("koreanize_matplotlib")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("koreanize-matplotlib is not installed")
    folder = Path(next(iter(spec.submodule_search_locations)))
    return FontProperties(fname=str(folder / "fonts" / "NanumGothic.ttf"))


def bar_charts(title: str, groups: list[tuple[str, list[tuple[str, int]]]]) -> bytes:
    """One horizontal bar chart per group (e.g. 종류별, 상태별), side by side, as PNG."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    font = korean_font()
    figure = Figure(figsize=(4.2 * len(groups), 3.6), dpi=110, layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.subplots(1, len(groups), squeeze=False)[0]
    for ax, (heading, bars) in zip(axes, groups, strict=True):
        labels = [label for label, _ in bars][::-1]
        values = [value for _, value in bars][::-1]
        drawn = ax.barh(labels, values, color="#3b7dd8")
        ax.bar_label(drawn, padding=3, fontproperties=font)
        ax.set_title(heading, fontproperties=font, fontsize=12)
        ax.set_xlim(0, max([*values, 1]) * 1.25)
        ax.xaxis.get_major_locator().set_params(integer=True)
        for tick in ax.get_yticklabels():
            tick.set_fontproperties(font)
        ax.spines[["top", "right"]].set_visible(False)
    figure.suptitle(title, fontproperties=font, fontsize=14)
    out = io.BytesIO()
    figure.savefig(out, format="png", facecolor="white")
    return out.getvalue()
