"""Checking many files: the rules each file gets, parallel workers, a stable order.

Results come back sorted by path whatever the number of workers, so the same
input always gives byte-identical output.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from functools import partial
from dataclasses import replace
from typing import Callable

from .config import Config, apply_overrides
from .engine import FileResult, Settings, check_path
from .fields import Fields
from .rules import Rule

PARALLEL_FROM = 16  # below this many files, starting workers costs more than it saves


class Job(Fields):
    """A file to check, the index of its rules in the list of rule sets, and its settings."""

    __slots__ = ("path", "rule_set", "settings")

    def __init__(self, path: str, rule_set: int, settings: Settings) -> None:
        self.path, self.rule_set, self.settings = path, rule_set, settings


def plan(paths: list[str], rules: list[Rule], config: Config, settings: Settings) -> tuple[list[Job], list[list[Rule]]]:
    """Each file with its rules (the configuration's per_file entries may change them)."""
    where = config.path or "the configuration"
    base = apply_overrides(rules, config.overrides, where)
    rule_sets: list[list[Rule]] = [base]
    keys: dict[tuple[int, ...], int] = {(): 0}
    jobs = []
    for path in paths:
        entries = config.matching(path) if path != "-" else []
        key = tuple(config.per_file.index(entry) for entry in entries)
        if key not in keys:
            chosen = base
            for entry in entries:
                chosen = apply_overrides(chosen, entry.overrides, where)
            keys[key] = len(rule_sets)
            rule_sets.append(chosen)
        sent = next((e.sent for e in reversed(entries) if e.sent), None)
        file_settings = replace(settings, sent=sent) if sent and settings.sent_from_cli is False else settings
        jobs.append(Job(path, keys[key], file_settings))
    return jobs, rule_sets


_WORKER_RULE_SETS: list[list[Rule]] = []


def _check_in_worker(job: Job, keep_text: bool = False) -> FileResult:
    result = check_path(job.path, _WORKER_RULE_SETS[job.rule_set], job.settings)
    if not keep_text:
        result.invitation = None  # the text stays in the worker unless a reporter shows it
    return result


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


def most_workers(asked: int) -> int:
    """--jobs as used: at most four workers a core. More only takes memory, and a number too large
    for the system (--jobs 99999999999999999999999) would fail inside Python instead of running."""
    return max(1, min(asked, 4 * default_jobs()))


LOST = ("the worker process checking it stopped unexpectedly (the system may have run out of memory), "
        "so it was not checked")


def _ignore_interrupts() -> None:
    """In a worker: leave Ctrl-C to the main process, which stops the run in one sentence
    (an idle worker would otherwise print a KeyboardInterrupt traceback)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _start_worker(rule_sets: list[list[Rule]]) -> None:
    global _WORKER_RULE_SETS
    _ignore_interrupts()
    _WORKER_RULE_SETS = rule_sets


@contextmanager
def _pool(workers: int, initializer, initargs):
    """Worker processes; on any exception (Ctrl-C included) queued work is dropped, and only
    what the workers have started is waited for (waiting for that also keeps Python's exit
    from writing to a pipe the pool has closed)."""
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(max_workers=workers, initializer=initializer, initargs=initargs)
    try:
        yield pool
    except BaseException:
        pool.shutdown(cancel_futures=True)
        raise
    pool.shutdown()


def one_at_a_time(call, items, initializer, initargs, lost):
    """call(item) for each item, each in a worker process that nothing else shares, so that a
    worker killed (as the out-of-memory killer would) costs only its own item: lost(item)."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    pool = None
    try:
        for item in items:
            pool = pool or ProcessPoolExecutor(max_workers=1, initializer=initializer, initargs=initargs)
            try:
                yield pool.submit(call, item).result()
            except BrokenProcessPool:
                pool.shutdown()
                pool = None
                yield lost(item)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def _lost_file(job: Job) -> FileResult:
    return FileResult(path=job.path, error=f"{job.path}: {LOST}")


def run(jobs: list[Job], rule_sets: list[list[Rule]], workers: int = 1,
        progress: Callable[[], None] | None = None, keep_text: bool = False) -> list[FileResult]:
    results = []
    workers = most_workers(workers)
    if workers > 1 and len(jobs) >= PARALLEL_FROM and not any(job.path == "-" for job in jobs):
        from concurrent.futures.process import BrokenProcessPool

        check = partial(_check_in_worker, keep_text=keep_text)
        size = max(1, min(64, len(jobs) // (workers * 8)))
        chunks = [jobs[i : i + size] for i in range(0, len(jobs), size)]
        retry = []
        with _pool(workers, _start_worker, (rule_sets,)) as pool:
            futures = [(chunk, pool.submit(_check_chunk, chunk, keep_text)) for chunk in chunks]
            for chunk, future in futures:
                try:
                    done = future.result()
                except BrokenProcessPool:  # a worker was killed: its files, and those queued, are run again
                    retry += chunk
                    continue
                results += done
                if progress:
                    for _ in done:
                        progress()
        for result in one_at_a_time(check, retry, _start_worker, (rule_sets,), _lost_file):
            results.append(result)
            if progress:
                progress()
    else:
        for job in jobs:
            results.append(check_path(job.path, rule_sets[job.rule_set], job.settings))
            if progress:
                progress()
    return in_order(results)


def _check_chunk(chunk: list[Job], keep_text: bool) -> list[FileResult]:
    return [_check_in_worker(job, keep_text) for job in chunk]


def in_order(results: list[FileResult]) -> list[FileResult]:
    """Standard input first, then by path: the same order whatever the number of workers."""
    return sorted(results, key=lambda r: (r.path != "-", r.path))


# -- audits: a stream of messages, bounded in memory -------------------------------

_AUDIT_STATE: tuple = ()


def _start_audit(state: tuple) -> None:
    global _AUDIT_STATE
    _AUDIT_STATE = state


def _start_audit_worker(state: tuple) -> None:
    _ignore_interrupts()  # only in a worker: the main process must still stop on Ctrl-C
    _start_audit(state)


def _audit_batch(items: list) -> list[dict]:
    from .audit import audit_record

    rules, settings, classifier, everything = _AUDIT_STATE
    return [audit_record(item, rules, settings, classifier, everything) for item in items]


def _audit_one(item) -> dict:
    return _audit_batch([item])[0]


def _batches(items, size: int):
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def stream_audit(items, state: tuple, workers: int = 1, batch: int = 32):
    """Audit records in the order of the items, with at most a few batches in flight.

    Unlike Pool.map, this never reads ahead of the workers: the memory in use is
    a few batches of messages, whatever the size of the mailbox.
    """
    workers = most_workers(workers)
    if workers <= 1:
        _start_audit(state)
        for group in _batches(items, batch):
            yield from _audit_batch(group)
        return
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    def new_pool():
        return ProcessPoolExecutor(max_workers=workers, initializer=_start_audit_worker, initargs=(state,))

    def records(entry):
        nonlocal pool
        group, used, future = entry
        try:
            return future.result()
        except BrokenProcessPool:  # a worker was killed: this batch again, a message at a time
            if used is pool:
                used.shutdown()
                pool = new_pool()
            return list(one_at_a_time(_audit_one, group, _start_audit_worker, (state,), _lost_record))

    pool = new_pool()
    pending = deque()
    try:
        for group in _batches(items, batch):
            pending.append((group, pool, pool.submit(_audit_batch, group)))
            if len(pending) >= workers * 3:
                yield from records(pending.popleft())
        while pending:
            yield from records(pending.popleft())
    except BaseException:  # Ctrl-C, or the reader stopped: queued batches are dropped
        pool.shutdown(cancel_futures=True)
        raise
    pool.shutdown()


def _lost_record(item) -> dict:
    return {"name": item.name, "status": "unreadable", "error": f"{item.name}: {LOST}"}
