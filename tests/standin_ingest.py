"""One ``AssistantService.ingest()`` with STAND-IN embedders (settings from ``SRDI_*``).

With an argument N the e5 channel stalls after N batches: a child process to kill -9
mid-ingest. Run as a child so the test process opens the Chroma folder only afterwards.
Writes go in batches of ``SMALL_BATCH`` chunks here (plumbing only), so a small document
already spans several batches and the test stays fast.
"""

from __future__ import annotations

import sys

from standin import HashEmbeddings, StallingHashEmbeddings

from assistant.config import Settings
from assistant.index import store
from assistant.models.embedders import Embedders
from assistant.service import AssistantService

SMALL_BATCH = 16

if __name__ == "__main__":
    store.ADD_BATCH = SMALL_BATCH
    batches = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    stalling = Embedders(e5=StallingHashEmbeddings(batches), use=HashEmbeddings(48))
    AssistantService(Settings(), stalling).ingest()
