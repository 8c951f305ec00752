"""Confidence that follows the facts: a source is no surer than the dating of the instruments
it rests on (an unknown entry into force, a date standing in for another) nor, when it reads
the text's silence, than an inference.

A record (a wording, a power, a value, a status) rests on the dating of an instrument it cites
when it starts on that instrument's entry into force, or when that entry into force is unknown;
one starting on a day of its own (a suspension in 2012 under a 2004 regulation) is dated by its
own source. Applied once, when the charter loads, to every source a ruling may cite; an
instrument's own ``source`` (its signature, its existence) is left as the data states it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from accord.rules.charter import Body, Charter, DatedSeries, Instrument, StateRecord
from accord.rules.sources import INFERENCE_CAP, Basis, Confidence, Source


def following_the_dating(charter: Charter) -> Charter:
    """``charter`` with each source capped by the dating of what it rests on."""
    cap = _Capping(charter)
    return replace(
        charter,
        articles={
            key: replace(
                a,
                wordings=tuple(
                    replace(w, source=cap(w.source, w.period.start)) for w in a.wordings
                ),
            )
            for key, a in charter.articles.items()
        },
        bodies={key: cap.body(b) for key, b in charter.bodies.items()},
        parameters={key: cap.series(s) for key, s in charter.parameters.items()},
        states={key: cap.state(s) for key, s in charter.states.items()},
        chair_terms=tuple(
            replace(t, source=cap(t.source, t.period.start)) for t in charter.chair_terms
        ),
    )


def dating_of(instrument: Instrument) -> tuple[Confidence, str]:
    """How sure the day ``instrument`` took effect is, and what to say when it lowers a source."""
    if instrument.in_force is None:
        return Confidence.UNVERIFIED, f"the entry into force of {instrument.id} is not known"
    dated_by = instrument.in_force_source or instrument.source
    said = f": {dated_by.note}" if dated_by.note else ""
    return (
        dated_by.confidence,
        f"the entry into force of {instrument.id} is {dated_by.confidence}{said}",
    )


class _Capping:
    def __init__(self, charter: Charter) -> None:
        self.charter = charter

    def __call__(self, source: Source, start: dt.date) -> Source:
        for instrument_id in self._rests_on(source):
            instrument = self.charter.instruments.get(instrument_id)
            if instrument is not None and instrument.in_force in (None, start):
                source = source.capped(*dating_of(instrument))
        if source.basis is Basis.INFERENCE:
            source = source.capped(INFERENCE_CAP, "an inference from the text's silence")
        return source

    def _rests_on(self, source: Source) -> list[str]:
        article = self.charter.articles.get(source.article) if source.article else None
        found = [article.instrument] if article else []
        return [*found, source.instrument] if source.instrument else found

    def series(self, series: DatedSeries) -> DatedSeries:
        values = tuple(
            replace(
                dated,
                source=self(dated.source, dated.start),
                items={item: self(cited, dated.start) for item, cited in dated.items.items()},
            )
            for dated in series.values
        )
        return replace(series, values=values)

    def body(self, body: Body) -> Body:
        return replace(
            body,
            source=self(body.source, body.period.start),
            decision_rule=self.series(body.decision_rule) if body.decision_rule else None,
            powers=tuple(replace(p, source=self(p.source, p.period.start)) for p in body.powers),
        )

    def state(self, state: StateRecord) -> StateRecord:
        return replace(
            state,
            history=tuple(replace(h, source=self(h.source, h.period.start)) for h in state.history),
            frozen=tuple(replace(f, source=self(f.source, f.period.start)) for f in state.frozen),
        )
