"""Pronouns, by the gender and number they imply."""

SUBJECT_PRONOUNS: dict[str, str | None] = {
    "he": "m", "she": "f", "they": None, "i": None, "we": None, "it": None,
}
POSSESSIVE_PRONOUNS: dict[str, str | None] = {"his": "m", "her": "f", "their": None}
OBJECT_PRONOUNS: dict[str, str | None] = {"him": "m", "her": "f", "them": None}
#: Relative pronouns that can head a speaker clause (``…, who said …``).
RELATIVE_PRONOUNS: set[str] = {"who", "which", "that"}
