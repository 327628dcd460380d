"""Attribution verification across articles: where a claim appears and who it is pinned on."""

from verifier.provenance.tracking import (
    Tracked,
    cue_strength,
    same_speaker,
    track_all,
    track_claim,
)

__all__ = ["Tracked", "cue_strength", "same_speaker", "track_all", "track_claim"]
