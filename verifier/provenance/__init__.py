"""Attribution verification across articles: where a claim appears and who it is pinned on.

Whether two attributions name one speaker is the text stage's reading
(``verifier.text.speakers.same_speaker``), shared with corroboration, and so is how
strongly a cue vouches for its content (``verifier.text.cues.cue_strength``).
"""

from verifier.provenance.tracking import Tracked, track_all, track_claim

__all__ = ["Tracked", "track_all", "track_claim"]
