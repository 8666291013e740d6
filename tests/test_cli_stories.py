"""``timeline story create|rename|add|remove|history`` through the editorial functions: reasons
kept, the story's history printed, bad input refused naming the option."""

from __future__ import annotations

from pathlib import Path

from tests.test_cli_editorial import db, run  # noqa: F401


def test_create_rename_add_and_history(db: Path) -> None:  # noqa: F811
    run(db, "story", "create", "metro", "--title", "Metro", "--reason", "new beat",
        "--actor", "ana")
    out = run(db, "story", "rename", "metro", "--title", "Huelga del metro",
              "--description", "El paro", "--reason", "clearer", "--actor", "ana")
    assert "Huelga del metro" in out
    run(db, "story", "add", "metro", "a1-r1-0", "--reason", "same strike", "--actor", "bo")
    assert "Huelga del metro" in run(db, "story", "list")
    history = run(db, "story", "history", "metro")
    assert "created as 'Metro'" in history and "by ana (new beat)" in history
    assert "'Metro' -> 'Huelga del metro'" in history and "(clearer)" in history
    assert "entry a1-r1-0" in history and "by bo (same strike)" in history
    run(db, "story", "remove", "metro", "a1-r1-0", "--reason", "wrong", "--actor", "bo")
    assert "removed" in run(db, "story", "history", "metro").splitlines()[-1]


def test_rename_needs_a_reason_and_a_change(db: Path) -> None:  # noqa: F811
    run(db, "story", "create", "metro", "--title", "Metro")
    assert "--reason" in run(db, "story", "rename", "metro", "--title", "X", code=2)
    out = run(db, "story", "rename", "metro", "--title", "Metro", "--reason", "r", code=1)
    assert "title" in out
    assert "no story" in run(db, "story", "rename", "nope", "--title", "X", "--reason", "r",
                             code=1)
