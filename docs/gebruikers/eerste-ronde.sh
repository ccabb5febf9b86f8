#!/usr/bin/env bash
# Het rondje van een coördinator: van een lege git-clone tot een regio in stap 6.
# Draai dit in de map van een nieuwe, lege clone (git clone https://…/regio-twente.git; cd regio-twente).
# Een test van kngg voert dit script letterlijk uit, zodat het altijd klopt met kngg zelf.
set -euo pipefail

# 1. Een nieuwe regio met twee gemeenten (CBS-namen of -codes). De mapnaam wordt de id.
kngg init --name "Regio Twente" --gemeente Enschede --gemeente "Hengelo (O.)"
kngg check

# 2. De verkenningsfase: stap 1 tot en met 4 hebben geen poort. Rond ze af met de datum waarop
#    dat gebeurde (nooit in de toekomst); --quiet toont na het schrijven alleen de samenvatting.
kngg advance --quiet --date 2026-01-12
kngg advance --quiet --date 2026-02-09
kngg advance --quiet --date 2026-03-09
kngg advance --quiet --date 2026-04-13

# 3. Stap 5 vraagt een positief besluit van elke gemeente, een gedeelde visie en een regionale
#    coördinator met een opdrachtbeschrijving. `kngg status` toont wat er nog open staat.
kngg status

cat >> region.yaml <<'YAML'

decisions:
  - gemeente: GM0153
    date: 2026-05-19
    outcome: positief
    by: college
    reference: "Collegebesluit Enschede 2026-88"
  - gemeente: GM0164
    date: 2026-05-26
    outcome: positief
    by: college
    reference: "Collegebesluit Hengelo 2026-41"

vision: |
  Samen zorgen we dat ieder kind in Twente gezond kan opgroeien.
YAML

cat >> people.yaml <<'YAML'
---
kind: Person
id: anna-jansen
name: Anna Jansen
organisation: gemeente-enschede
roles:
  - role: regionale_coordinator
    since: 2026-06-01
    hours_per_week: 24
    assignment: documents/opdracht-rc.md
    tasks:
      - description: Coördinatie van de kerngroep en regionale besluitvorming
        level: strategisch
      - description: Planning en voortgangsbewaking van de implementatie
        level: operationeel
YAML

mkdir -p documents
printf '# Opdracht regionale coördinator\n\nVastgesteld door de gemeenten op 1 juni 2026.\n' > documents/opdracht-rc.md

kngg check
kngg advance --quiet --date 2026-06-15 --evidence documents/opdracht-rc.md

# 4. Stap 6: de samenwerkingsovereenkomst. `kngg init` schreef een concept in agreements/;
#    leg de handtekeningen vast zodra de partijen getekend hebben.
jaar=$(date +%Y)
kngg sign --quiet "sok-$jaar" --party gemeente-enschede --date 2026-06-20 --signatory "burgemeester van Enschede"
kngg sign --quiet "sok-$jaar" --party gemeente-hengelo-o --date 2026-06-22 --signatory "burgemeester van Hengelo"
kngg status
