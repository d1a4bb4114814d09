"""Every place the source builds a refusal, read from its syntax tree, and what is wrong with it.

A refusal is a call of ``LoyaltyError`` or a subclass: ``raise InvalidCard(...)``,
``return BadFile(...)``, ``refused = SignInFailed(...)``. Its reason is the
``reason=`` it passes, else its ``code=``, else its class's ``code``. A function
whose refusal takes ``reason=`` from a parameter is a factory (``_Reader.fail``):
its calls are the sites, each naming its reason, and the details the factory
adds itself (``key``, ``line``, ``where``) count as given at every call.

``problems`` says, site by site, what a screen could not rely on: a reason not
in the catalogue, a placeholder of its templates not passed as a keyword
detail, an ``InvalidRequest``/``LoyaltyError`` without a reason of its own, a
reason that is not a literal (so cannot be checked), or a detail that would
print a member's personal data.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT_CLASS = "LoyaltyError"
# One code shared by many refusals: a site of these classes must say its own reason.
GENERIC = {"LoyaltyError": "refused", "InvalidRequest": "invalid_request"}
# Details that would print a member's personal data or a secret; ``field="phone"`` names
# the input and is fine, ``phone=...`` or ``value=...`` beside it is not.
PERSONAL_DETAILS = frozenset({"name", "phone", "email", "birthday", "pin", "card", "ref", "text"})
PERSONAL_FIELDS = frozenset({"name", "phone", "email", "birthday", "pin", "member"})
NOT_DETAILS = frozenset({"code", "reason"})


@dataclass(frozen=True)
class Module:
    """A source file's name as the report shows it, and its syntax tree."""

    name: str
    tree: ast.Module

    @classmethod
    def read(cls, path: Path, root: Path) -> Module:
        """Parse a file under ``root``."""
        return cls(path.relative_to(root).as_posix(), ast.parse(path.read_text("utf-8")))

    @classmethod
    def of(cls, name: str, source: str) -> Module:
        """Parse source text (a planted example)."""
        return cls(name, ast.parse(source))


@dataclass(frozen=True)
class Site:
    """One refusal as built at one place in the source."""

    module: str
    line: int
    cls: str
    reason: str | None
    explicit: bool  # passed reason= or code= itself
    details: frozenset[str]
    open_details: bool  # also passes **something: names the check cannot see
    field_value: str | None
    problem: str | None = None

    @property
    def where(self) -> str:
        """``module:line``."""
        return f"{self.module}:{self.line}"


@dataclass(frozen=True)
class _Factory:
    module: str
    name: str
    cls: str
    adds: frozenset[str]  # details the factory passes itself


@dataclass
class _Scan:
    classes: dict[str, str]
    sites: list[Site] = field(default_factory=list)
    factories: list[_Factory] = field(default_factory=list)


def modules_under(root: Path, skip: Callable[[str], bool] = lambda name: False) -> list[Module]:
    """Every Python file under ``root`` except those ``skip`` names (relative, with slashes)."""
    found: list[Module] = []
    for path in sorted(root.rglob("*.py")):
        name = path.relative_to(root).as_posix()
        if not skip(name):
            found.append(Module.read(path, root))
    return found


def error_classes(modules: Iterable[Module]) -> dict[str, str]:
    """``LoyaltyError`` and every subclass defined in ``modules``, with its class-level code."""
    defined: dict[str, tuple[list[str], str | None]] = {}
    for module in modules:
        for node in ast.walk(module.tree):
            if isinstance(node, ast.ClassDef):
                bases = [base for b in node.bases if (base := _name(b)) is not None]
                defined[node.name] = (bases, _class_code(node))
    codes: dict[str, str] = {}
    if ROOT_CLASS in defined:
        codes[ROOT_CLASS] = defined[ROOT_CLASS][1] or "refused"
    grew = True
    while grew:
        grew = False
        for name, (bases, code) in defined.items():
            parent = next((b for b in bases if b in codes), None)
            if name not in codes and parent is not None:
                codes[name] = code or codes[parent]
                grew = True
    return codes


def find_sites(modules: list[Module], classes: dict[str, str]) -> list[Site]:
    """Every refusal built in ``modules``; a factory's calls stand for the refusal inside it."""
    scan = _Scan(classes)
    for module in modules:
        _visit(module, module.tree, None, scan)
    for factory in scan.factories:
        for module in modules:
            scan.sites.extend(_factory_calls(module, factory))
    return sorted(scan.sites, key=lambda site: (site.module, site.line))


def problems(
    sites: Iterable[Site], placeholders: Callable[[str], frozenset[str] | None]
) -> list[str]:
    """What is wrong, one line per problem; ``placeholders`` is None for a reason not catalogued."""
    found: list[str] = []
    for site in sites:
        found.extend(f"{site.where}: {site.cls}: {p}" for p in _site_problems(site, placeholders))
    return found


def _site_problems(
    site: Site, placeholders: Callable[[str], frozenset[str] | None]
) -> Iterator[str]:
    if site.problem is not None:
        yield site.problem
        return
    assert site.reason is not None
    needed = placeholders(site.reason)
    if site.cls in GENERIC and (not site.explicit or site.reason == GENERIC[site.cls]):
        yield f"needs a specific reason (not {GENERIC[site.cls]!r})"
    elif needed is None:
        yield f"reason {site.reason!r} is not in the catalogue"
    else:
        missing = sorted(needed - site.details)
        if missing and site.open_details:
            yield f"reason {site.reason!r} needs {missing}, which **details hide from this check"
        elif missing:
            yield f"reason {site.reason!r} needs the details {missing}"
    personal = sorted(site.details & PERSONAL_DETAILS)
    if personal:
        yield f"details {personal} would print personal data"
    if site.field_value in PERSONAL_FIELDS and "value" in site.details:
        yield f"value= repeats the {site.field_value} typed, which is personal data"


_Function = ast.FunctionDef | ast.AsyncFunctionDef


def _visit(module: Module, node: ast.AST, function: _Function | None, scan: _Scan) -> None:
    for child in ast.iter_child_nodes(node):
        inner = child if isinstance(child, _Function) else function
        if isinstance(child, ast.Call) and _name(child.func) in scan.classes:
            _construction(module, child, inner, scan)
        _visit(module, child, inner, scan)


def _construction(module: Module, call: ast.Call, function: _Function | None, scan: _Scan) -> None:
    cls = _name(call.func)
    assert cls is not None
    keywords = {k.arg: k.value for k in call.keywords if k.arg is not None}
    given = keywords.get("reason")
    params = _parameters(function)
    if isinstance(given, ast.Name) and given.id in params and function is not None:
        scan.factories.append(
            _Factory(
                module.name,
                function.name,
                cls,
                frozenset(keywords) - NOT_DETAILS,
            )
        )
        return
    scan.sites.append(_site(module.name, cls, call, scan.classes[cls]))


def _site(module: str, cls: str, call: ast.Call, class_code: str, adds: Iterable[str] = ()) -> Site:
    keywords = {k.arg: k.value for k in call.keywords if k.arg is not None}
    details = frozenset(keywords) - NOT_DETAILS | frozenset(adds)
    open_details = any(k.arg is None for k in call.keywords)
    field_node = keywords.get("field")
    field_value = _literal(field_node) if field_node is not None else None
    for key in ("reason", "code"):
        if key in keywords:
            text = _literal(keywords[key])
            if text is None:
                problem = f"{key}= is not a literal string, so its reason cannot be checked"
                return Site(
                    module,
                    call.lineno,
                    cls,
                    None,
                    True,
                    details,
                    open_details,
                    field_value,
                    problem,
                )
            return Site(module, call.lineno, cls, text, True, details, open_details, field_value)
    return Site(module, call.lineno, cls, class_code, False, details, open_details, field_value)


def _factory_calls(module: Module, factory: _Factory) -> Iterator[Site]:
    """Calls of ``factory`` in its own module (``self.fail``, ``r.fail``) or where it is imported.

    A module that imports from the factory's module (``_Reader`` for its
    annotations) is handed the object: its ``r.fail`` calls count too.
    """
    here = module.name == factory.module
    names = _imported_names(module, factory.module)
    imported = factory.name in names
    handed = here or bool(names)
    if not (here or imported or handed):
        return
    for node in ast.walk(module.tree):
        if not isinstance(node, ast.Call):
            continue
        callee = node.func
        by_name = isinstance(callee, ast.Name) and callee.id == factory.name
        by_attribute = handed and isinstance(callee, ast.Attribute) and callee.attr == factory.name
        if not (by_name or by_attribute):
            continue
        if not any(k.arg == "reason" for k in node.keywords):
            problem = "passes no reason="
            yield Site(
                module.name,
                node.lineno,
                factory.cls,
                None,
                False,
                frozenset(),
                False,
                None,
                problem,
            )
            continue
        yield _site(module.name, factory.cls, node, "", factory.adds)


def _imported_names(module: Module, source: str) -> set[str]:
    dotted = source.removesuffix(".py").replace("/", ".")
    names: set[str] = set()
    for node in ast.walk(module.tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.endswith(dotted):
            names.update(alias.asname or alias.name for alias in node.names)
    return names


def _parameters(function: _Function | None) -> set[str]:
    if function is None:
        return set()
    args = function.args
    return {a.arg for a in [*args.posonlyargs, *args.args, *args.kwonlyargs]}


def _class_code(node: ast.ClassDef) -> str | None:
    for statement in node.body:
        if (
            isinstance(statement, ast.Assign)
            and [_name(t) for t in statement.targets] == ["code"]
            and (text := _literal(statement.value)) is not None
        ):
            return text
    return None


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None
