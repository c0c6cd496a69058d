"""An invented story told by invented outlets (no real person, organisation, outlet or event)."""

from __future__ import annotations

import claimledger
from claimledger.model import Document

NGO_BODY = (
    "Two rights groups said on Monday that security forces in Kestrel province detained and beat protesters "
    "after the Orvik march.\n\n"
    "Civic Rights Monitor (CRM) said security forces detained and beat protesters, citing a report by the "
    "Orvik Bar Association and video footage from the march.\n\n"
    "Frontier Legal Aid said security forces detained and beat protesters in Orvik.\n\n"
    "“We have documented every case,” said Leena Haldane, CRM’s regional director."
)
MINISTER_BODY = (
    "Interior Minister Dariusz Halvorsen on Tuesday denied that security forces detained and beat protesters "
    "in Kestrel province.\n\n"
    "Halvorsen said the reports were false.\n\n"
    "“We have documented each case,” Leena Haldane of CRM told reporters."
)


def story_documents() -> list[Document]:
    """The NGO report, the minister's denial, a wire copy of the report, and an unrelated fish story."""
    return [
        claimledger.analyze(NGO_BODY, title="Rights groups say protesters detained and beaten in Orvik",
                            id="ledger-1", outlet="The Kestrel Ledger", published="2026-04-02"),
        claimledger.analyze(MINISTER_BODY, title="Minister denies protesters were detained and beaten in Orvik",
                            id="daily-1", outlet="Northgate Daily", published="2026-04-03"),
        claimledger.analyze(NGO_BODY, title="Protesters beaten in Orvik, groups say",
                            id="wire-1", outlet="Meridian Wire", published="2026-04-04"),
    ]


def unrelated_document() -> Document:
    return claimledger.analyze(
        "Anglers counted roughly 1,800 dead fish on the Ressa River on Tuesday, the fishing cooperative said.",
        title="Dead fish found on the Ressa River", id="sentinel-1", outlet="The Valley Sentinel", published="2026-05-12",
    )
