# ruff: noqa: B018  (a vulture whitelist is bare names: each one is a use)
"""Uses of kngg_cli's names that vulture cannot see (read by scripts/dead_code.py).

Each line says why the name is alive. Names a helper is about to use are marked with the issue;
remove the line once the code that uses it has landed.
"""

from kngg_cli.catalog import RuleInfo
from kngg_cli.catalog.reference import GEMEENTE_LIST_YEAR
from kngg_cli.edit.init import GemeenteChoice
from kngg_cli.model.region import THRESHOLD_RULES
from kngg_cli.render.diagram import diagram_png
from kngg_cli.render.environment import BoundedSandbox
from kngg_cli.render.formatting import days_between, period_words
from kngg_cli.render.geomap import map_png
from kngg_cli.render.labels import ARTICLE_TEXT
from kngg_cli.status import StatusData, StatusSummary
from kngg_cli.texts import has_text

GEMEENTE_LIST_YEAR  # documentation: data/README.md names it as where the CBS year is kept
GemeenteChoice.org_id  # read by the Jinja scaffold templates (edit/scaffold/*.yaml.j2)
THRESHOLD_RULES  # #10 in progress: `kngg explain` shows each threshold's rule
diagram_png  # #9 in progress: the governance diagram as PNG for Word
map_png  # #9 in progress: the region map as PNG for Word (tested in tests/test_geomap.py)
days_between  # #9 in progress: the status report
period_words  # #9 in progress: the status report
ARTICLE_TEXT  # #9 in progress: agreement texts
has_text  # #11 in progress: the text catalogue
BoundedSandbox.intercepted_binops  # read by Jinja's sandbox: the operators it hands to call_binop
RuleInfo.contract  # read by tests/test_catalogue_examples.py: each example's runnable bad/good pair
StatusData.kngg_version  # a key of status's JSON (a TypedDict field, filled by a dict literal)
StatusSummary.warning  # a key of status's JSON (a TypedDict field, filled by a dict literal)
