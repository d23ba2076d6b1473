"""Headline attributions: section labels that are no speaker, the verbs and links of a
headline's source (``Name: claim``, ``Name says claim``, ``Name to X: demand``)."""

#: Labels before a headline's colon (or dash) that name a section or a format, not a speaker
#: (``Review: …``, ``Live: …``, ``Watch: …``); a label opening a headline is skipped
#: (``Exclusive: Mayor Lind says …``).
HEADLINE_LABELS: set[str] = {
    "review", "reviews", "live", "watch", "video", "videos", "photos", "photo", "gallery",
    "listen", "podcast", "exclusive", "breaking", "breaking news", "update", "updated",
    "analysis", "opinion", "editorial", "comment", "commentary", "column", "letters",
    "letter", "explainer", "factbox", "fact check", "fact-check", "timeline", "q&a",
    "interview", "correction", "corrections", "related", "read more", "see also", "more",
    "the latest", "latest", "news", "briefing", "recap", "preview", "report card", "quiz",
    "poll results", "revealed", "look", "wow", "bombshell", "boom", "busted", "just in",
    "byline", "paid notice", "note", "editor's note", "editor’s note", "warning", "spoiler",
    "chart", "charts", "map", "maps", "graphic", "in pictures", "in depth", "profile",
    "obituary", "sponsored", "advertisement", "transcript", "full text", "excerpt",
    "chapter", "part", "episode", "round-up", "roundup", "week in review", "essay",
    "first look", "hands-on", "tested", "verdict", "recipe", "guide", "share", "follow",
    "subscribe", "sign up", "tags", "topics", "filed under", "posted", "credit",
}

#: Verbs of a ``Name says claim`` headline (any case: ``Mayor Lind Says …``).
HEADLINE_SAY_VERBS: set[str] = {"says", "say", "said"}

#: Links of a ``Name to X: demand`` headline: the speaker, then whom or what it is about
#: (``Lind to council: …``, ``Lind on the levy: …``, ``Lind at the summit: …``).
HEADLINE_LINKS: set[str] = {"to", "on", "at"}

#: Lower-case words a headline's source may hold besides role and source nouns
#: (``Harbour board chief``, ``the mayor's camp``: ``Lind camp: …``).
HEADLINE_SOURCE_WORDS: set[str] = {
    "camp", "chief", "boss", "rival", "rivals", "team", "allies", "backers", "spokesman",
    "spokeswoman", "hacker", "pollster", "challenger", "nominee", "hopeful", "hopefuls",
    "son", "daughter", "wife", "husband", "mother", "father", "brother", "sister", "widow",
    "mom", "dad", "family", "woman", "man", "women", "men", "of", "and",
}

#: Words that never stand in a headline's source, in any case (``Big Win For Lind:``,
#: ``What Lind Wants:``, ``Lind Is Back:``).
HEADLINE_NOT_SOURCE: set[str] = {
    "for", "about", "against", "as", "into", "than", "like", "up", "off", "out", "over",
    "under", "vs", "versus", "if", "when", "why", "how", "what", "after", "before", "is",
    "are", "was", "were", "be", "been", "will", "would", "may", "might", "can", "could",
    "should", "must", "has", "have", "had", "do", "does", "did", "not", "no", "all", "this",
    "that", "these", "those", "who", "here", "there", "more", "most", "very", "still", "yet",
    "but", "or", "so", "then", "too", "where", "win", "wins",
}

#: Adverbs a headline may put between its source and its verb (``Lind Just Announced …``).
HEADLINE_ADVERBS: set[str] = {"just", "finally", "now", "again", "also", "quickly", "reportedly"}

#: Particles that belong to a headline's verb (``Lind Calls For a Vote``, ``hints at``).
HEADLINE_PARTICLES: set[str] = {"for", "on", "at", "out"}

#: Auxiliaries after a form that may be a noun or a verb: the form is then a noun, the
#: subject (``Ferry Talks Will Resume``).
HEADLINE_AUXILIARIES: set[str] = {
    "will", "would", "can", "could", "may", "might", "must", "should", "shall", "is", "are",
    "was", "were", "has", "have", "had", "do", "does", "did",
}
