"""Mutation testing of engine.py, rules/ and edit/: does a small change to the code fail a test?

Each mutant is one small change (a comparison flipped to its boundary or its opposite, `and` for
`or`, a `not` dropped, one operand of `and`/`or` dropped, True for False). A mutant is *killed*
when some test fails on it and *survives* when every test passes: a survivor is a behaviour no
test pins (or an equivalent mutant, which changes nothing a user could see).

To finish in minutes on two cores it runs, per mutant, only the relevant tests (the test modules
of the mutated file, TESTS_FOR, and the boundary tests) that execute the mutated line (found once,
with coverage per test over the whole suite), in a process forked from one that
has kngg_cli and the tests imported already: the child swaps the mutated module in (rebinding the
names other modules imported from it) and runs those tests. The mutated file is also written to a
copy of src/ that PYTHONPATH points to, for the tests that start `kngg` as a process.

    python scripts/mutate.py                    # everything; summary and survivors
    python scripts/mutate.py --only rules/references.py --only engine.py
    python scripts/mutate.py --list             # the mutants, without running them
    python scripts/mutate.py --jobs 2 --json /tmp/mutants.json

Survivors known to be equivalent are listed, with the reason, in scripts/mutate_equivalent.txt,
one per line as the key the script prints in brackets (`path:function: `expression`: description`,
no line number, so that edits elsewhere keep it valid) followed by `  # why`; they are reported
apart, and a listed key that no longer names a mutant is reported as stale. Exit 1 when other mutants survive.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import copy
import json
import os
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
PACKAGE = SRC / "kngg_cli"
TARGETS = ["engine.py", "rules", "edit"]
EQUIVALENT_FILE = ROOT / "scripts" / "mutate_equivalent.txt"
TIMEOUT = 60.0  # seconds per mutant; a mutant that hangs counts as killed

_SWAP = {
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
}
_SYMBOL = {
    ast.Eq: "==",
    ast.NotEq: "!=",
    ast.Lt: "<",
    ast.LtE: "<=",
    ast.Gt: ">",
    ast.GtE: ">=",
    ast.In: "in",
    ast.NotIn: "not in",
    ast.Is: "is",
    ast.IsNot: "is not",
}


@dataclass
class Mutant:
    file: str  # relative to src/kngg_cli
    line: int
    description: str
    index: int  # the how-manieth mutation point of the file (stable while the file is unchanged)
    # where the mutant is, without its line number: the enclosing function and the mutated
    # expression (with a counter when one function holds the same one twice), so that the keys in
    # scripts/mutate_equivalent.txt survive edits elsewhere in the file
    anchor: str = ""
    status: str = "pending"  # killed | survived | timeout | no-tests | equivalent
    seconds: float = 0.0

    @property
    def key(self) -> str:
        return f"{self.file}:{self.anchor}: {self.description}"

    @property
    def shown(self) -> str:
        return f"{self.file}:{self.line}: {self.description}   [{self.key}]"


# -- finding and applying mutations ---------------------------------------------------------------


def _points(tree: ast.AST) -> Iterator[tuple[ast.AST, str, int, object]]:
    """(node, description, line, how) for every mutation of the tree, in a stable order."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            for position, op in enumerate(node.ops):
                swapped = _SWAP.get(type(op))
                if swapped is not None:
                    text = f"{_SYMBOL[type(op)]} -> {_SYMBOL[swapped]}"
                    yield node, text, node.lineno, ("compare", position, swapped)
        elif isinstance(node, ast.BoolOp):
            other = "or" if isinstance(node.op, ast.And) else "and"
            mine = "and" if other == "or" else "or"
            yield node, f"{mine} -> {other}", node.lineno, ("boolop",)
            if len(node.values) == 2:
                for position in range(2):
                    yield node, f"drop operand {position + 1} of {mine}", node.lineno, ("drop", position)
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            yield node, "drop not", node.lineno, ("not",)
        elif isinstance(node, ast.Constant) and isinstance(node.value, bool):
            yield node, f"{node.value} -> {not node.value}", node.lineno, ("bool",)


class _Replace(ast.NodeTransformer):
    def __init__(self, target: ast.AST, how: tuple[object, ...]) -> None:
        self.target = target
        self.how = how

    def visit(self, node: ast.AST) -> ast.AST:
        if node is not self.target:
            return self.generic_visit(node)
        kind = self.how[0]
        if kind == "compare":
            assert isinstance(node, ast.Compare)
            _, position, swapped = self.how
            node.ops[position] = swapped()  # type: ignore[index,operator]
            return node
        if kind == "boolop":
            assert isinstance(node, ast.BoolOp)
            node.op = ast.Or() if isinstance(node.op, ast.And) else ast.And()
            return node
        if kind == "drop":
            assert isinstance(node, ast.BoolOp)
            return node.values[1 - int(self.how[1])]  # type: ignore[call-overload]
        if kind == "not":
            assert isinstance(node, ast.UnaryOp)
            return node.operand
        if kind == "bool":
            assert isinstance(node, ast.Constant)
            return ast.Constant(not node.value)
        raise AssertionError(kind)


def _is_annotation_or_docstring(tree: ast.AST) -> set[int]:
    """ids of nodes not worth mutating: type annotations, and `if TYPE_CHECKING:` blocks."""
    skip: set[int] = set()
    for node in ast.walk(tree):
        annotations: list[ast.AST] = []
        if isinstance(node, ast.AnnAssign):
            annotations.append(node.annotation)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            if node.returns is not None:
                annotations.append(node.returns)
            for argument in [*node.args.args, *node.args.kwonlyargs, *node.args.posonlyargs]:
                if argument.annotation is not None:
                    annotations.append(argument.annotation)
        elif isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            annotations.append(node)
        for annotation in annotations:
            skip.update(id(n) for n in ast.walk(annotation))
    return skip


def target_files(only: list[str]) -> list[Path]:
    files: list[Path] = []
    for target in TARGETS:
        path = PACKAGE / target
        files.extend(sorted(path.rglob("*.py")) if path.is_dir() else [path])
    if only:
        files = [f for f in files if any(str(f.relative_to(PACKAGE)).startswith(o) for o in only)]
    return files


def _enclosing_functions(tree: ast.AST) -> dict[int, str]:
    """id of every node -> the qualified name of the function or class it is in ("<module>" at the top)."""
    owner: dict[int, str] = {}

    def visit(node: ast.AST, name: str) -> None:
        for child in ast.iter_child_nodes(node):
            inner = name
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                inner = child.name if name == "<module>" else f"{name}.{child.name}"
            owner[id(child)] = inner
            visit(child, inner)

    visit(tree, "<module>")
    return owner


def mutants_of(path: Path) -> list[Mutant]:
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    skip = _is_annotation_or_docstring(tree)
    owner = _enclosing_functions(tree)
    relative = str(path.relative_to(PACKAGE))
    found = []
    seen: dict[str, int] = {}
    for index, (node, description, line, _how) in enumerate(_points(tree)):
        if id(node) in skip:
            continue
        snippet = " ".join((ast.get_source_segment(source, node) or ast.unparse(node)).split())
        if len(snippet) > 72:
            snippet = snippet[:69] + "..."
        anchor = f"{owner.get(id(node), '<module>')}: `{snippet}`"
        seen[anchor + description] = seen.get(anchor + description, 0) + 1
        if seen[anchor + description] > 1:
            anchor += f" #{seen[anchor + description]}"
        found.append(Mutant(relative, line, description, index, anchor))
    return found


def mutated_source(path: Path, index: int) -> str:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for position, (node, _d, _l, how) in enumerate(_points(tree)):
        if position == index:
            mutated = _Replace(node, how).visit(copy.copy(tree))  # type: ignore[arg-type]
            return ast.unparse(ast.fix_missing_locations(mutated))
    raise IndexError(index)


# -- which tests run which line ---------------------------------------------------------------------


def line_coverage(files: list[Path]) -> dict[tuple[str, int], list[str]]:
    """(file relative to src/kngg_cli, line) -> the node ids of the tests (whole suite) that run it."""
    import coverage
    import pytest

    sys.path.insert(0, str(SRC))
    os.environ["PYTHONPATH"] = str(SRC)
    cov = coverage.Coverage(data_file=None, include=[str(f) for f in files], branch=False)

    class SwitchContext:
        def pytest_runtest_setup(self, item: pytest.Item) -> None:
            cov.switch_context(item.nodeid)

    cov.start()
    code = pytest.main(["-q", "-p", "no:cacheprovider", "--no-header", "tests"], plugins=[SwitchContext()])
    cov.stop()
    if code != 0:
        raise SystemExit(f"mutate: the tests fail without any mutant (pytest exit {code})")
    data = cov.get_data()
    lines: dict[tuple[str, int], list[str]] = {}
    for measured in data.measured_files():
        relative = str(Path(measured).relative_to(PACKAGE))
        for line, contexts in data.contexts_by_lineno(measured).items():
            lines[(relative, line)] = sorted(c for c in contexts if c)
    return lines


# The test modules that pin each target (by path prefix under src/kngg_cli). A mutant runs those
# of them that execute its line: the module's own tests, not every end-to-end test that passes by.
COMMON_TESTS = ["tests/test_boundaries.py", "tests/test_config.py", "tests/test_registries.py"]
TESTS_FOR = {
    "engine.py": [
        "tests/test_engine.py",
        "tests/test_gate_semantics.py",
        "tests/test_smoke.py",
        "tests/test_national.py",
    ],
    "rules/structure.py": ["tests/test_rules_structure.py", "tests/test_loader.py"],
    "rules/references.py": ["tests/test_rules_references.py", "tests/test_audit_rules.py"],
    "rules/privacy.py": [
        "tests/test_rules_privacy.py",
        "tests/test_safety_privacy.py",
        "tests/test_audit_rules.py",
    ],
    "rules/advice.py": ["tests/test_advice.py"],
    "rules/__init__.py": [],
    "rules/gates": [
        "tests/test_gates_step5.py",
        "tests/test_gates_step6.py",
        "tests/test_gates_step7.py",
        "tests/test_gates_step8.py",
        "tests/test_gates_phase2.py",
        "tests/test_gate_semantics.py",
        "tests/test_audit_rules.py",
    ],
    "edit": [
        "tests/test_edit_textedit.py",
        "tests/test_edit_advance.py",
        "tests/test_edit_sign.py",
        "tests/test_edit_init.py",
        "tests/test_audit_edit_render.py",
    ],
}


def test_modules(file: str) -> list[str]:
    """The test modules that pin `file`."""
    modules = set(COMMON_TESTS)
    for prefix, names in TESTS_FOR.items():
        if file.startswith(prefix):
            modules.update(names)
    return sorted(modules)


def relevant(file: str, tests: list[str]) -> list[str]:
    """The tests of `tests` (node ids) that belong to the test modules of `file`."""
    modules = set(test_modules(file))
    return [t for t in tests if t.split("::")[0] in modules]


# -- running mutants ------------------------------------------------------------------------------


def _preload(work: Path) -> None:
    """Import every kngg_cli module (from the copy) and every test module, once per worker."""
    import importlib
    import pkgutil

    sys.path.insert(0, str(work / "src"))
    sys.path.insert(0, str(ROOT / "tests"))
    os.environ["PYTHONPATH"] = str(work / "src")  # for the tests that start `kngg` as a process
    import kngg_cli

    for info in pkgutil.walk_packages(kngg_cli.__path__, "kngg_cli."):
        if info.name.endswith("__main__"):
            continue  # it runs the command line on import
        with contextlib.suppress(ImportError):  # an optional extra that is not installed
            importlib.import_module(info.name)
    import kngg_cli.rules

    kngg_cli.rules.registered_rules()
    for test in sorted((ROOT / "tests").glob("*.py")):
        importlib.import_module(test.stem)


def _swap_module(name: str, source: str) -> None:
    """Put the mutated module in place of the loaded one, and rebind every name other modules
    imported from it (`from kngg_cli.engine import check_path`) to the mutated objects."""
    import types

    import kngg_cli.rules

    old = sys.modules[name]
    for code, function in list(kngg_cli.rules.REGISTRY.items()):
        if getattr(function, "__module__", None) == name:
            del kngg_cli.rules.REGISTRY[code]  # the mutated module registers its rules again
    new = types.ModuleType(name)
    new.__dict__.update({k: v for k, v in vars(old).items() if k.startswith("__")})
    sys.modules[name] = new
    exec(compile(source, old.__file__ or name, "exec"), new.__dict__)
    by_id = {id(v): k for k, v in vars(old).items() if not k.startswith("__")}
    parent, _, last = name.rpartition(".")
    if parent in sys.modules:
        setattr(sys.modules[parent], last, new)
    for module in list(sys.modules.values()):
        if module is None or module is new or module is old:
            continue
        file = getattr(module, "__file__", None) or ""
        if not (
            getattr(module, "__name__", "").startswith("kngg_cli") or file.startswith(str(ROOT / "tests"))
        ):
            continue
        for key, value in list(vars(module).items()):
            origin = by_id.get(id(value))
            if origin is not None and hasattr(new, origin) and not isinstance(value, (str, int, bool)):
                setattr(module, key, getattr(new, origin))


def _run_one(work: Path, mutant: Mutant, tests: list[str]) -> str:
    """Fork; the child swaps the mutant in and runs the tests that execute its line."""
    original = PACKAGE / mutant.file
    target = work / "src" / "kngg_cli" / mutant.file
    source = mutated_source(original, mutant.index)
    target.write_text(source, encoding="utf-8")
    module = "kngg_cli." + mutant.file.removesuffix(".py").replace("/", ".").removesuffix(".__init__")
    try:
        pid = os.fork()
        if pid == 0:  # the child
            try:
                import pytest

                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, 1)
                os.dup2(devnull, 2)
                _swap_module(module, source)
                os.chdir(ROOT)
                code = pytest.main(["-x", "-q", "-p", "no:cacheprovider", *tests])
                os._exit(0 if code == 0 else 1)
            except BaseException:
                os._exit(3)
        deadline = time.monotonic() + TIMEOUT
        while True:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                return "survived" if os.waitstatus_to_exitcode(status) == 0 else "killed"
            if time.monotonic() > deadline:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                return "timeout"
            time.sleep(0.01)
    finally:
        shutil.copyfile(original, target)


def _worker(mutants: list[Mutant], lines: dict[tuple[str, int], list[str]], out: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="kngg-mutate-") as folder:
        work = Path(folder)
        shutil.copytree(SRC, work / "src", ignore=shutil.ignore_patterns("__pycache__"))
        _preload(work)
        results = []
        for mutant in mutants:
            covered = lines.get((mutant.file, mutant.line))
            # a line run only while the modules are imported (a default value, a decorator): every
            # test of the file's modules may depend on it
            tests = test_modules(mutant.file) if covered == [] else relevant(mutant.file, covered or [])
            start = time.monotonic()
            mutant.status = _run_one(work, mutant, tests) if tests else "no-tests"
            mutant.seconds = round(time.monotonic() - start, 2)
            results.append(asdict(mutant))
            if mutant.status != "killed":
                print(f"  {mutant.status:9} {mutant.key}", file=sys.stderr, flush=True)
        out.write_text(json.dumps(results), encoding="utf-8")


def _tree_hash() -> str:
    import hashlib

    digest = hashlib.sha256()
    for folder in (PACKAGE, ROOT / "tests"):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def equivalent_keys() -> dict[str, str]:
    known: dict[str, str] = {}
    if EQUIVALENT_FILE.exists():
        for raw in EQUIVALENT_FILE.read_text(encoding="utf-8").splitlines():
            line = raw.strip()
            if line and not line.startswith("#"):
                key, _, why = line.partition("  # ")
                known[key.strip()] = why.strip()
    return known


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", action="append", default=[], help="a file or folder under src/kngg_cli")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--list", action="store_true")
    parser.add_argument("--json", type=Path, help="write every mutant's result here")
    args = parser.parse_args()

    sys.dont_write_bytecode = True
    os.environ["PYTHONDONTWRITEBYTECODE"] = "1"
    files = target_files(args.only)
    mutants = [m for f in files for m in mutants_of(f)]
    if args.list:
        for mutant in mutants:
            print(mutant.shown)
        print(f"{len(mutants)} mutants in {len(files)} files")
        return 0

    started = time.monotonic()
    # Import pytest and the third-party libraries before forking, but not kngg_cli: each child
    # imports it fresh, from the copy with its mutant.
    import jinja2  # noqa: F401
    import pydantic  # noqa: F401
    import pytest  # noqa: F401
    import rich  # noqa: F401
    import ruamel.yaml  # noqa: F401
    import typer  # noqa: F401

    # The map from line to tests costs a full run under coverage: kept while src/ and tests/ are
    # unchanged (the key hashes every file of both).
    lines_file = Path(tempfile.gettempdir()) / f"kngg-mutate-lines-{_tree_hash()}.json"
    if not lines_file.exists():
        pid = os.fork()
        if pid == 0:  # line coverage in a child, so the parent stays free of kngg_cli
            try:
                lines = line_coverage(target_files([]))
                lines_file.write_text(
                    json.dumps([[f, n, t] for (f, n), t in lines.items()]), encoding="utf-8"
                )
            finally:
                os._exit(0)
        os.waitpid(pid, 0)
    if not lines_file.exists():
        raise SystemExit("mutate: could not map lines to tests")
    lines = {(f, n): t for f, n, t in json.loads(lines_file.read_text(encoding="utf-8"))}
    print(
        f"mutate: {len(mutants)} mutants; coverage per test took {time.monotonic() - started:.0f} s",
        flush=True,
    )

    jobs = max(1, args.jobs)
    shares = [mutants[i::jobs] for i in range(jobs)]
    outputs = [Path(tempfile.gettempdir()) / f"kngg-mutate-{os.getpid()}-{i}.json" for i in range(jobs)]
    children = []
    for share, out in zip(shares, outputs, strict=True):
        child = os.fork()
        if child == 0:
            _worker(share, lines, out)
            os._exit(0)
        children.append(child)
    for child in children:
        os.waitpid(child, 0)
    missing = [out for out in outputs if not out.exists()]
    if missing:
        raise SystemExit("mutate: a worker stopped without results")
    results = [Mutant(**r) for out in outputs for r in json.loads(out.read_text(encoding="utf-8"))]
    for out in outputs:
        out.unlink()

    known = equivalent_keys()
    for mutant in results:
        if mutant.status in ("survived", "no-tests") and mutant.key in known:
            mutant.status = "equivalent"
    in_scope = {m.file for m in results}
    current = {m.key for m in results}
    stale = [key for key in known if key.split(":", 1)[0] in in_scope and key not in current]
    for key in stale:
        print(f"stale     {key}  (in scripts/mutate_equivalent.txt, but no such mutant any more)")
    results.sort(key=lambda m: (m.file, m.line, m.index))
    if args.json:
        args.json.write_text(json.dumps([asdict(m) for m in results], indent=1), encoding="utf-8")

    states = ("killed", "timeout", "survived", "no-tests", "equivalent")
    counts = {state: sum(1 for m in results if m.status == state) for state in states}
    for mutant in results:
        if mutant.status in ("survived", "no-tests"):
            print(f"{mutant.status:9} {mutant.shown}")
    print(
        f"mutate: {len(results)} mutants: {counts['killed']} killed, {counts['timeout']} timed out, "
        f"{counts['survived']} survived, {counts['no-tests']} on lines no test runs, "
        f"{counts['equivalent']} equivalent (scripts/mutate_equivalent.txt); "
        f"{time.monotonic() - started:.0f} s"
    )
    return 1 if counts["survived"] or counts["no-tests"] or stale else 0


if __name__ == "__main__":
    sys.exit(main())
