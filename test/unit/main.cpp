//===- main.cpp - Catch2 entry point of hone's unit tests -----------------===//
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
