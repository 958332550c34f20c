"""Checking many files: the rules each file gets, parallel workers, a stable order.

Results come back sorted by path whatever the number of workers, so the same
input always gives byte-identical output.
"""

from __future__ import annotations

import os
from functools import partial
from dataclasses import dataclass, replace
from typing import Callable

from .config import Config, apply_overrides
from .engine import FileResult, Settings, check_path
from .rules import Rule

PARALLEL_FROM = 16  # below this many files, starting workers costs more than it saves


@dataclass(frozen=True)
class Job:
    path: str
    rule_set: int  # index into the list of rule sets
    settings: Settings


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


def _start_worker(rule_sets: list[list[Rule]]) -> None:
    global _WORKER_RULE_SETS
    _WORKER_RULE_SETS = rule_sets


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


def run(jobs: list[Job], rule_sets: list[list[Rule]], workers: int = 1,
        progress: Callable[[], None] | None = None, keep_text: bool = False) -> list[FileResult]:
    if workers > 1 and len(jobs) >= PARALLEL_FROM and not any(job.path == "-" for job in jobs):
        from concurrent.futures import ProcessPoolExecutor

        results = []
        chunk = max(1, min(64, len(jobs) // (workers * 8)))
        with ProcessPoolExecutor(max_workers=workers, initializer=_start_worker, initargs=(rule_sets,)) as pool:
            for result in pool.map(partial(_check_in_worker, keep_text=keep_text), jobs, chunksize=chunk):
                results.append(result)
                if progress:
                    progress()
    else:
        results = []
        for job in jobs:
            results.append(check_path(job.path, rule_sets[job.rule_set], job.settings))
            if progress:
                progress()
    return in_order(results)


def in_order(results: list[FileResult]) -> list[FileResult]:
    """Standard input first, then by path: the same order whatever the number of workers."""
    return sorted(results, key=lambda r: (r.path != "-", r.path))


# -- audits: a stream of messages, bounded in memory -------------------------------

_AUDIT_STATE: tuple = ()


def _start_audit(state: tuple) -> None:
    global _AUDIT_STATE
    _AUDIT_STATE = state


def _audit_batch(items: list) -> list[dict]:
    from .audit import audit_record

    rules, settings, classifier, everything = _AUDIT_STATE
    return [audit_record(item, rules, settings, classifier, everything) for item in items]


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
    if workers <= 1:
        _start_audit(state)
        for group in _batches(items, batch):
            yield from _audit_batch(group)
        return
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers, initializer=_start_audit, initargs=(state,)) as pool:
        pending = deque()
        for group in _batches(items, batch):
            pending.append(pool.submit(_audit_batch, group))
            if len(pending) >= workers * 3:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
