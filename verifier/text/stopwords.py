"""Words that carry no evidence of *what* happened, so they never steer the retrieval query.

NLTK's stopword corpus cannot be downloaded here, so the list ships with the code. Besides the
usual English function words it holds the vocabulary of attribution itself ("said",
"according", "told"): every news sentence has it, so it would only pull in sentences that
quote someone, not sentences about the same event. Entries are lowercase surface forms;
contraction fragments ("don", "t") are listed because the tokenizer splits at apostrophes.
"""

from __future__ import annotations

_FUNCTION_WORDS = """
a about above after again against ago all almost along already also although always am among
an and another any anybody anyone anything are aren around as at away be became because become
becomes been before being below beside besides between beyond both but by can cannot could
couldn did didn do does doesn doing don done down during each either else enough etc even ever
every few for from further get gets getting got had hadn has hasn have haven having he hence
her here hers herself him himself his how however i if in indeed into is isn it its itself
just least less let ll many may me might mightn more most much must mustn my myself neither
never nevertheless no nobody nor not nothing now of off often on once only onto or other
others otherwise our ours ourselves out over own per perhaps quite rather re really s same
shall shan she should shouldn since so some somebody someone something sometimes still such t
than that the their theirs them themselves then there thereby therefore these they this those
though through throughout thus to too toward towards under unless until up upon us ve very via
was wasn we were weren what whatever when whenever where whereas whether which while who whom
whose why will with within without won would wouldn yet you your yours yourself yourselves
"""

# Attribution and newsroom boilerplate: present in any report, evidence of none in particular.
_NEWS_WORDS = """
according added adding adds allegedly apparently reportedly reported reporting said say saying
says stated stating tell telling tells told mr mrs ms dr
"""

STOPWORDS: frozenset[str] = frozenset((_FUNCTION_WORDS + _NEWS_WORDS).split())
"""Lowercase words that ``informative_terms`` drops."""
