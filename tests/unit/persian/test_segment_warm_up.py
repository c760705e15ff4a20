"""The window's background warm-up of hazm's tokenizer: words are split the simple way
until it is ready, never by waiting for it. In a fresh process, where hazm is not loaded."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

CHILD = textwrap.dedent(
    """
    import json
    from annotator.persian import segment

    text = "نخست‌وزیر عراق، محمد شیاع السودانی، گفت."
    segment.warm_up_in_background()
    early = segment.word_spans(text)
    still_pending = segment.tokenizer_pending()  # the call above did not wait for hazm
    snapped_early = segment.snap_to_words(text, 2, 4)
    segment._ready.wait(120)
    late = segment.word_spans(text)
    print(json.dumps({
        "early": early, "pending": still_pending, "snapped_early": snapped_early,
        "late": late, "pending_after": segment.tokenizer_pending(),
        "fallback": segment._fallback_spans(text, 0, len(text)),
    }))
    """
)


def test_word_spans_do_not_wait_for_the_warm_up_and_use_hazm_once_it_is_ready() -> None:
    result = subprocess.run([sys.executable, "-P", "-c", CHILD], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    got = json.loads(result.stdout)
    assert got["pending"] is True
    assert got["early"] == got["fallback"]
    assert got["snapped_early"] == [0, 9]  # the whole of نخست‌وزیر, ZWNJ inside
    assert got["pending_after"] is False
    assert [tuple(s) for s in got["late"]][:3] == [(0, 9), (10, 14), (14, 15)]


LATER_CHILD = textwrap.dedent(
    """
    import json, sys
    from annotator.persian import segment

    text = "نخست‌وزیر عراق، محمد شیاع السودانی، گفت."
    starts = []
    segment.warm_up_in_background(starts.append)  # the window: started after its frame
    early = segment.word_spans(text)
    pending = segment.tokenizer_pending()
    hazm_loaded_early = "hazm" in sys.modules
    starts[0]()
    segment._ready.wait(120)
    print(json.dumps({
        "early": early, "pending": pending, "hazm_loaded_early": hazm_loaded_early,
        "starts": len(starts), "late": segment.word_spans(text)[:3],
        "fallback": segment._fallback_spans(text, 0, len(text)),
    }))
    """
)


def test_a_warm_up_started_later_splits_the_simple_way_until_then() -> None:
    # a key pressed before the window's first frame asks for the warm-up and tags at once
    result = subprocess.run([sys.executable, "-P", "-c", LATER_CHILD], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    got = json.loads(result.stdout)
    assert got["pending"] is True and got["hazm_loaded_early"] is False and got["starts"] == 1
    assert got["early"] == got["fallback"]
    assert [tuple(s) for s in got["late"]] == [(0, 9), (10, 14), (14, 15)]
