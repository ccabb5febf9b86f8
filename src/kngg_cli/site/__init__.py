"""`kngg site`: a static website of a region, or of every region below a folder with a national overview.

build.py plans every file of the site in memory (pages, downloads, the calendar), output.py writes
them into the output folder safely, pages.py fills the site's templates (templates/site/).
"""
