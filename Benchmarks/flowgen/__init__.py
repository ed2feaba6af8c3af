"""Synthetic logs of the credits/generations FastAPI service, for flowtrace's benchmarks.

`flows` knows what the service logs on each code path, `layouts` renders a line in one of the
log layouts, and `schedule` interleaves requests the way an asyncio event loop does.
"""
