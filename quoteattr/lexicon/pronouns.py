"""Pronouns, by the gender and number they imply."""

SUBJECT_PRONOUNS: dict[str, str | None] = {
    "he": "m", "she": "f", "they": None, "i": None, "we": None, "it": None,
}
#: (Not read by any rule yet: extending it changes nothing.)
POSSESSIVE_PRONOUNS: dict[str, str | None] = {"his": "m", "her": "f", "their": None}
OBJECT_PRONOUNS: dict[str, str | None] = {"him": "m", "her": "f", "them": None}
#: Relative pronouns that can head a speaker clause (``…, who said …``). Not read by any rule
#: yet (the cue rules read ``grammar.CUE_RELATIVES``): extending it changes nothing.
RELATIVE_PRONOUNS: set[str] = {"who", "which", "that"}
#: First- and second-person words: a paragraph with them may continue a reproduced statement.
FIRST_AND_SECOND_PERSON: set[str] = {"i", "we", "me", "us", "my", "our", "ours", "mine",
                                     "you", "your", "yours", "i'm", "we're", "i've", "we've",
                                     "i’m", "we’re", "i’ve", "we’ve", "i'll", "we'll", "i’ll",
                                     "we’ll"}

#: Indefinite pronouns: capitalised at a sentence start they are no name and no speaker
#: (``“Is anyone there?” Nobody answered.``).
INDEFINITE_PRONOUNS: set[str] = {"nobody", "everybody", "everyone", "somebody", "someone",
                                 "anybody", "anyone", "nothing", "everything", "something",
                                 "anything", "none", "neither", "either"}

#: Third-person subject pronouns: a cue's speaker after a quotation (``“…,” she said``), the
#: subject of an ``as`` clause (``as she tries to …``).
THIRD_PERSON_SUBJECTS: set[str] = {"he", "she", "they"}

#: Reflexive pronouns: after a name they open no description (``Arden herself said``; rule
#: ``name-before-adjunct``).
REFLEXIVE_PRONOUNS: set[str] = {"himself", "herself", "themselves", "itself"}
