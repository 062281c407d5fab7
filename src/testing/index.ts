/** `dockshift/testing`: run a transform's `__testfixtures__` as tests, as jscodeshift's defineTest. */
export { defineTest, type TestApi } from './defineTest.js';
export { loadFixtures, runFixture, FIXTURE_SUFFIXES, type FixtureCase, type LayoutProblem } from './fixtures.js';
