"""What typed text means at a question: numbers read for what they are, words, negations and
slips, other questions answered in passing, time zones and the reminder setup in words.

Start at `understanding.py` (`Understander.understand`); the words it knows are in
`content/vocabulary.yaml` and `content/understanding.yaml`, schemas in `vocabulary*.py`.
"""
