"""Geometry of the server-drawn SVG charts; the templates only place what is computed here.

Sizes are in viewBox units: the SVG scales to the width of the page (375 px phones included).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from filon.store.queries import day_of
from filon.web.highlight import css_token, url_id

STATUS_ORDER = ["proposed", "negotiating", "close", "rejected", "signed", "ratified", "suspended",
                "cancelled", "other"]
WIDTH = 760


def _ticks(first: date, last: date, x: Any) -> list[dict]:
    """Month starts (year starts past two years) between `first` and `last`, with their x."""
    yearly = (last - first).days > 730
    day = date(first.year, 1 if yearly else first.month, 1)
    ticks = []
    while day <= last:
        if day >= first:
            ticks.append({"x": round(x(day), 1), "label": str(day.year) if yearly else day.strftime("%Y-%m")})
        day = date(day.year + 1, 1, 1) if yearly else (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    if len(ticks) > 8:  # keep labels from overlapping on long ranges
        step = -(-len(ticks) // 8)
        ticks = ticks[::step]
    return ticks


def _scale(days: list[date], left: float, right: float) -> Any:
    first, last = min(days), max(days)
    span = max((last - first).days, 1)

    def x(day: date) -> float:
        if first == last:
            return (left + right) / 2
        return left + (day - first).days / span * (right - left)

    return x


MAX_POINTS = 300


def _one_per_day(steps: list[dict]) -> list[dict]:
    """The first step of each (date, status), with how many it stands for: an agreement
    followed by thousands of articles would otherwise draw thousands of stacked points."""
    first: dict[tuple, dict] = {}
    for step in steps:
        key = (step["date"], step["status"])
        if key in first:
            first[key]["steps"] += 1
        else:
            first[key] = {**step, "steps": 1}
    return list(first.values())


def timeline(steps: list[dict]) -> dict:
    """Steps of an agreement as points: x by date, one lane per status, undated at the right.
    Over `MAX_POINTS` steps, one point per date and status."""
    if len(steps) > MAX_POINTS:
        steps = _one_per_day(steps)
    left, right, lane_h, top = 112, WIDTH - 90, 30, 12
    statuses = [s for s in STATUS_ORDER if any(step["status"] == s for step in steps)]
    statuses += sorted({step["status"] or "unknown" for step in steps} - set(statuses))
    lanes = {status: top + i * lane_h + lane_h / 2 for i, status in enumerate(statuses)}
    days = [d for d in (day_of(step["date"]) for step in steps) if d]
    x = _scale(days, left, right) if days else None
    height = top + len(statuses) * lane_h + 34
    taken: dict[tuple[float, str], int] = {}
    points = []
    for n, step in enumerate(steps):
        day = day_of(step["date"])
        status = step["status"] or "unknown"
        px = round(x(day), 1) if (x and day) else WIDTH - 45
        slot = taken.get((px, status), 0)
        taken[(px, status)] = slot + 1
        href = (f"/documents/{url_id(step['article_id'])}#ev-{step['event_index']}"
                if step.get("article_id") and step.get("event_index") is not None else None)
        said = f", according to {step['claimed_by']}" if step.get("claimed_by") else ""
        said += f" ({step['steps']} steps)" if step.get("steps", 1) > 1 else ""
        points.append({
            "n": n + 1, "x": px + 7 * slot, "y": lanes[status], "status": status,
            "cls": css_token(status), "href": href,
            "label": f"{step['date'] or 'undated'}: {status}{said}",
        })
    dated = sorted((p for p in points if p["x"] < WIDTH - 60), key=lambda p: p["x"])
    return {
        "width": WIDTH, "height": height, "left": left, "right": right,
        "lanes": [{"status": s, "y": y, "cls": css_token(s)} for s, y in lanes.items()],
        "points": points, "axis_y": height - 24,
        "path": " ".join(f"{p['x']},{p['y']}" for p in dated),
        "ticks": _ticks(min(days), max(days), x) if days and x else [],
        "undated_x": WIDTH - 45 if any(p["x"] >= WIDTH - 60 for p in points) else None,
    }


def bars_over_time(series: list[dict], value: str = "mentions") -> dict:
    """Counts per day as bars on a time axis (rows without a day are left out)."""
    left, right, top, plot_h = 40, WIDTH - 12, 10, 120
    rows = [(r["day"], r[value]) for r in series if r.get("day")]
    if not rows:
        return {"width": WIDTH, "height": 40, "bars": [], "ticks": [], "empty": True}
    days = [d for d, _ in rows]
    x = _scale(days, left + 4, right - 4)
    span = max((max(days) - min(days)).days, 1)
    bar_w = max(2.0, min(24.0, (right - left) / (span + 1) * 0.8))
    peak = max(v for _, v in rows)
    bars = []
    for day, count in rows:
        h = round(count / peak * plot_h, 1)
        bars.append({"x": round(x(day) - bar_w / 2, 1), "y": round(top + plot_h - h, 1), "w": round(bar_w, 1),
                     "h": h, "label": f"{day.isoformat()}: {count} {value}"})
    return {"width": WIDTH, "height": top + plot_h + 30, "bars": bars, "axis_y": top + plot_h,
            "ticks": _ticks(min(days), max(days), x), "peak": peak, "top": top, "left": left,
            "right": right, "empty": False}


def status_bars(by_status: list[dict]) -> dict:
    """Agreements per latest status as horizontal bars."""
    # drawn for a third of the dashboard: a narrow viewBox keeps its labels legible
    width = 360
    left, right, row_h = 96, width - 30, 28
    peak = max((r["agreements"] for r in by_status), default=1)
    rows = [{"status": r["status"], "cls": css_token(r["status"]), "count": r["agreements"],
             "y": i * row_h + 4, "w": round(r["agreements"] / peak * (right - left), 1)}
            for i, r in enumerate(by_status)]
    return {"width": width, "height": len(rows) * row_h + 8, "rows": rows, "left": left,
            "row_h": row_h}
