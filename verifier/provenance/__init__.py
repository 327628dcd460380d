"""Attribution verification across articles: where a claim appears and who it is pinned on.

Whether two attributions name one speaker is the text stage's reading
(``verifier.text.speakers.same_speaker``), shared with corroboration.
"""

from verifier.provenance.tracking import Tracked, cue_strength, track_all, track_claim

__all__ = ["Tracked", "cue_strength", "track_all", "track_claim"]
