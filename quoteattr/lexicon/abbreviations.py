"""Abbreviations that do not end a sentence (Punkt parameters, lower case, no final dot)."""

ABBREVIATIONS: set[str] = {
    # honorifics and titles
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "rev", "hon", "messrs", "mme",
    "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt", "cpl", "pvt", "brig",
    "sen", "rep", "gov", "del", "lt. gov", "pres", "supt", "insp", "det", "amb", "atty", "dist",
    # months and days
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    # places and organisations
    "u.s", "u.k", "u.n", "e.u", "u.s.a", "d.c", "n.y", "l.a", "n.j", "n.c", "s.c",
    "calif", "fla", "ill", "mass", "mich", "minn", "penn", "tenn", "tex", "va", "wash",
    "wis", "ariz", "colo", "conn", "ga", "ky", "la", "md", "mo", "nev", "okla", "ore",
    "ave", "blvd", "rd", "mt", "ft", "co", "corp", "inc", "ltd", "bros", "dept", "univ",
    # others common in news
    "no", "nos", "vol", "vs", "v", "etc", "approx", "est", "fig", "a.m", "p.m", "e.g", "i.e",
}

#: Abbreviations that, capitalised, stand before a name (``Sen. Jane Roe``).
NAME_PREFIX_ABBREVIATIONS: set[str] = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "adm", "sgt",
    "sen", "rep", "gov", "del", "rev", "st", "hon", "amb", "det", "insp", "supt", "brig",
}
