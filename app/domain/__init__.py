"""Pure rules of Vietnamese official-document work: kinds, numbering, calendar, deadlines, states.

No I/O, no database, no Qt, and no imports from the rest of the application: every function here
takes values and returns values, so it can be tested exhaustively.
"""
