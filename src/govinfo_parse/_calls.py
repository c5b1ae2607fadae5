"""Calling plugins one implementation at a time, in pluggy's order and through pluggy.

The pipeline does not call a hook once for all plugins: a plugin that raises,
overruns ``Limits.plugin_timeout`` or returns the wrong kind of thing must be
reported by name while the others still run.  So each implementation is called
on its own, yet everything pluggy promises a plugin author still holds:

* implementations are taken in pluggy's calling order (``tryfirst`` first,
  ``trylast`` last, otherwise the last registered first), so a plugin can take
  over a firstresult hook from a built-in;
* each call goes through pluggy's own hook caller (``subset_hook_caller``
  holding that one implementation), so hook wrappers (``wrapper=True`` or
  ``hookwrapper=True``) run around every call and ``pm.enable_tracing()`` and
  ``add_hookcall_monitoring`` see it.

Where a hook has no wrapper and nothing monitors the calls, the
implementation is called as pluggy's own loop would call it, without the
loop: a report makes some eighty plugin calls, and pluggy's machinery was a
tenth of a report's time.
"""

from __future__ import annotations

import functools
import time
import weakref
from typing import Any

import pluggy

from govinfo_parse.errors import LayoutSyntaxError, ParseTimeoutError
from govinfo_parse.limits import current_limits, deadline, overdue
from govinfo_parse.model import Diagnostic, Severity

__all__ = ["call_each", "call_one", "implementations", "plugin_failure"]


def implementations(pm: pluggy.PluginManager, hook_name: str) -> tuple[pluggy.HookImpl, ...]:
    """The implementations of ``hook_name`` that return results, in the order pluggy calls them.

    ``get_hookimpls()`` lists them last-called first; wrappers are left out
    here because they run around each call instead.
    """
    return _hook(pm, hook_name).impls


class _Hook:
    """What calling a hook's implementations one at a time needs, worked out once per registry state.

    Made again when the hook's implementations or spec change (a plugin
    registered or taken away), so each call sees the hook as it stands.
    """

    __slots__ = ("callers", "every", "firstresult", "impls", "name", "spec", "wrapped")

    def __init__(self, name: str, every: tuple[pluggy.HookImpl, ...], spec: Any) -> None:  # noqa: ANN401
        self.name = name
        self.every = every
        self.spec = spec
        self.firstresult = bool(spec and spec.opts.get("firstresult"))
        self.wrapped = any(i.wrapper or i.hookwrapper for i in every)
        self.impls = tuple(i for i in reversed(every) if not (i.wrapper or i.hookwrapper))
        # The caller per implementation and per whether its calls may skip pluggy's loop.
        self.callers: dict[tuple[int, bool], Any] = {}


def _hook(pm: pluggy.PluginManager, hook_name: str) -> _Hook:
    """``hook_name``'s implementations and callers as they stand (one check of the registry a call)."""
    caller = getattr(pm.hook, hook_name)
    every = tuple(caller.get_hookimpls())
    hooks = _HOOKS.get(pm)
    if hooks is None:
        hooks = _HOOKS[pm] = {}
    made = hooks.get(hook_name)
    if made is None or made.every != every or made.spec is not caller.spec:  # (by identity)
        made = hooks[hook_name] = _Hook(hook_name, every, caller.spec)
    return made


def _caller_of(pm: pluggy.PluginManager, hook: _Hook, impl: pluggy.HookImpl) -> Any:  # noqa: ANN401
    """Pluggy's hook caller reduced to ``impl`` (and every wrapper of the hook), made once per registry."""
    plain = not hook.wrapped and _unmonitored(pm)
    key = (id(impl), plain)  # (the hook holds impl: its id is no other's)
    caller = hook.callers.get(key)
    if caller is None:
        caller = _Direct(impl) if plain else _reduced_caller(pm, hook.name, impl, list(hook.every))
        hook.callers[key] = caller
    return caller


def _unmonitored(pm: pluggy.PluginManager) -> bool:
    """True when nothing watches ``pm``'s calls: no tracing, no monitoring, no subclass running them its way.

    pluggy keeps its calling loop in ``_inner_hookexec`` and swaps it for a
    traced one while monitoring is on; a pluggy that keeps it elsewhere is
    taken as monitored (every call then goes through pluggy).
    """
    return (type(pm)._hookexec is pluggy.PluginManager._hookexec  # noqa: SLF001
            and getattr(pm, "_inner_hookexec", None) is _plain_loop())


@functools.cache
def _plain_loop() -> object:
    """The calling loop of a plugin manager nothing monitors (pluggy's own ``_multicall``)."""
    return getattr(pluggy.PluginManager("govinfo_parse.unmonitored"), "_inner_hookexec", object())


# Per plugin manager (dropped with it), per hook name.
_HOOKS: weakref.WeakKeyDictionary[pluggy.PluginManager, dict[str, _Hook]] = weakref.WeakKeyDictionary()


def _reduced_caller(
    pm: pluggy.PluginManager, hook_name: str, impl: pluggy.HookImpl, every: list[pluggy.HookImpl],
) -> Any:  # noqa: ANN401
    """Pluggy's hook caller reduced to ``impl``.

    pluggy can only leave out plugins it can hash: where a plugin object is
    unhashable (an attrs or dataclass instance with ``eq``, a SimpleNamespace),
    the implementation is called directly, without wrappers or tracing.
    """
    try:
        for i in every:
            hash(i.plugin)
    except TypeError:
        return _Direct(impl)
    others = {i.plugin for i in every if i.plugin is not impl.plugin and not (i.wrapper or i.hookwrapper)}
    return pm.subset_hook_caller(hook_name, others)


class _Direct:
    """Calls one implementation as pluggy's loop would: where nothing wraps or watches, or pluggy cannot."""

    spec = None

    def __init__(self, impl: pluggy.HookImpl) -> None:
        self._function = impl.function
        self._argnames = impl.argnames

    def __call__(self, **kwargs: Any) -> Any:  # noqa: ANN401
        return self._function(*[kwargs[name] for name in self._argnames])


class _PluginOverran(Exception):  # noqa: N818 - internal signal, never leaves this module
    """A plugin call ran past ``Limits.plugin_timeout``."""


def call_one(  # noqa: PLR0913
    pm: pluggy.PluginManager, hook_name: str, impl: pluggy.HookImpl, kwargs: dict[str, Any],
    diagnostics: list[Diagnostic], *, passes: tuple[type[BaseException], ...] = (), timed: bool = True,
) -> tuple[bool, Any]:
    """Call one implementation through pluggy: (True, its result), or (False, None) with a diagnostic.

    The result is the implementation's own (None when it declined), whether
    or not the hook is firstresult.  Whatever the call raises, and overrunning
    ``plugin_timeout``, is reported with the plugin's name; only the
    document's own time limit and the errors in ``passes`` go through.
    Wrappers run inside the call, so their time and errors count with it.
    With ``timed`` false, only the document's time limit bounds the call.
    """
    return _call(pm, _hook(pm, hook_name), impl, kwargs, diagnostics, passes=passes, timed=timed)


def _call(  # noqa: PLR0913
    pm: pluggy.PluginManager, hook: _Hook, impl: pluggy.HookImpl, kwargs: dict[str, Any],
    diagnostics: list[Diagnostic], *, passes: tuple[type[BaseException], ...] = (), timed: bool = True,
) -> tuple[bool, Any]:
    caller = _caller_of(pm, hook, impl)
    firstresult = hook.firstresult or isinstance(caller, _Direct)
    limit = current_limits().plugin_timeout if timed else None
    started = time.monotonic()
    try:
        with deadline(limit, _PluginOverran):
            outcome = caller(**kwargs)
    except ParseTimeoutError:
        raise
    except passes:
        raise
    except Exception as exc:  # noqa: BLE001 - isolate plugins from each other
        diagnostics.append(_failure(exc, impl.plugin_name, hook.name, limit, started))
    else:
        if firstresult:
            return True, outcome
        # pluggy leaves out None results; a wrapper may have changed the list.
        if isinstance(outcome, list) and len(outcome) <= 1:
            return True, outcome[0] if outcome else None
        diagnostics.append(plugin_failure(
            impl.plugin_name, hook.name,
            TypeError(f"a wrapper turned the call's result into {outcome!r}, not a list of one result")))
    return False, None


def call_each(
    pm: pluggy.PluginManager, hook_name: str, diagnostics: list[Diagnostic], **kwargs: Any,  # noqa: ANN401
) -> list[tuple[str, Any]]:
    """(plugin name, result) of each implementation that returned something, in pluggy's order."""
    results = []
    hook = _hook(pm, hook_name)
    for impl in hook.impls:
        ok, result = _call(pm, hook, impl, kwargs, diagnostics)
        if ok and result is not None:
            results.append((impl.plugin_name, result))
    return results


def _failure(exc: Exception, plugin: str, hook: str, limit: float | None, started: float) -> Diagnostic:
    """The diagnostic for a plugin call that raised ``exc``: a syntax error, an overrun, or a failure.

    A time limit's error may come out of a library as another exception (one
    wrapping whatever it caught): the document's is raised again, a plugin
    call's reported as the overrun it is, neither passed off as the plugin's own failure.
    """
    late = overdue()
    if late is not None:
        raise late from exc
    if isinstance(exc, LayoutSyntaxError):
        return Diagnostic(
            code="layout-syntax", severity=Severity.WARNING, layout=plugin, span=exc.span,
            message=f"plugin {plugin!r} ({hook}): {exc.args[0]} at line {exc.line}, "
            f"column {exc.column}" + (f"; expected {', '.join(exc.expected)}" if exc.expected else ""),
        )
    if limit is not None and (isinstance(exc, _PluginOverran) or time.monotonic() - started >= limit):
        return Diagnostic(
            code="plugin-timeout", severity=Severity.ERROR, layout=plugin,
            message=f"plugin {plugin!r} ran past the {limit:g}-second limit in {hook}; "
            "it was stopped and its result ignored",
        )
    return plugin_failure(plugin, hook, exc)


def plugin_failure(plugin: str, hook: str, exc: BaseException) -> Diagnostic:
    """The ``plugin-error`` diagnostic for a plugin that raised or returned the wrong thing."""
    return Diagnostic(
        code="plugin-error", severity=Severity.ERROR, layout=plugin,
        message=f"plugin {plugin!r} failed in {hook}: {type(exc).__name__}: {exc}",
    )
