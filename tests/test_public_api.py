"""The package's public names stay what the README promises."""

import subprocess
import sys

import gazetteer
import geoconflict


def test_every_exported_name_resolves():
    for module in (geoconflict, gazetteer):
        for name in module.__all__:
            assert getattr(module, name) is not None, f"{module.__name__}.{name}"


def test_geoparse_stays_a_function_after_the_pipeline_ran():
    # A submodule named like a package attribute would replace it on import;
    # run in a fresh interpreter so earlier imports in this session don't hide it.
    code = (
        "import geoconflict\n"
        "r = geoconflict.read_report('Shelling hit Kharkiv on Monday.', published='2026-03-04')\n"
        "ms = geoconflict.geoparse('Shelling hit Kharkiv on Monday.')\n"
        "print(callable(geoconflict.geoparse), [m.text for m in ms])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "True ['Kharkiv']"


def test_errors_share_one_root_and_their_builtins():
    assert issubclass(geoconflict.GeoconflictError, gazetteer.GazetteerError)
    assert issubclass(geoconflict.InputError, ValueError)
    assert issubclass(geoconflict.UnknownPlaceError, LookupError)
    assert issubclass(geoconflict.OutputExistsError, FileExistsError)


def test_lazy_boundary_exports_match_the_module():
    # gazetteer/__init__ lists these names by hand so that `import gazetteer`
    # stays free of geopandas; the list must not drift from the module.
    from gazetteer import _LAZY, boundaries

    lazy = {name for name, module in _LAZY.items() if module == "gazetteer.boundaries"}
    functions = {name for name in boundaries.__all__ if callable(getattr(boundaries, name))}
    assert lazy == functions
