# The two commands of the README:
#   make run    installs what is missing, builds, and serves the app on ./data/ethics.sqlite
#   make test   installs what is missing, then runs every test (Swift, then the browser tests)
SWIFT ?= swift
DB ?= ./data/ethics.sqlite
PORT ?= 8080

.PHONY: run test build swift-test browser-test deps test-deps

deps:
	./script/install-deps build

test-deps:
	./script/install-deps test

build: deps
	$(SWIFT) build --product ethics

run: build
	$(SWIFT) run ethics serve --db $(DB) --port $(PORT)

swift-test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

browser-test: test-deps
	$(SWIFT) build --product ethics
	python3 -m pytest -q Tests/browser

test: swift-test browser-test
