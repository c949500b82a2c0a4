"""Questions people ask in their own words, answered from the advice: full-text search and
meaning-based similarity over the passages, what kind of answer a question gets (a figure, a
refusal, "the articles don't say"), and the reply with its source.

Start at `ask.py` (`AskIndex`); `answering.py` puts the reply on the person's screen.
"""
