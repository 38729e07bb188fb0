#pragma once
// Tests share a few executables (one per folder of tests/, see tests/CMakeLists.txt) instead of
// one each: each executable is moc'ed, compiled and linked once. A test file ends with
// LANTERN_TEST_MAIN(TestClass) or LANTERN_TEST_GUILESS_MAIN(TestClass) where a lone QtTest program
// writes QTEST_MAIN / QTEST_GUILESS_MAIN; the executable runs the test named by its first argument
// (the file's base name, which is the CTest name), e.g. `lantern_tests_core test_crc32c -v2`.

#include <QTest>

namespace lantern::test {

using TestMain = int (*)(int argc, char* argv[]);

// Makes `run` the test of `sourceFile` (its __FILE__); returns true.
bool registerTest(const char* sourceFile, TestMain run);

} // namespace lantern::test

// Exactly QtTest's main for TestObject, with `setup` creating the application object.
#define LANTERN_TEST_MAIN_WITH(TestObject, setup)                                                \
    namespace {                                                                                    \
    int lanternTestMain(int argc, char* argv[])                                                    \
    {                                                                                              \
        QT_PREPEND_NAMESPACE(QTest::Internal::callInitMain)<TestObject>();                         \
        setup TestObject tc;                                                                       \
        QTEST_SET_MAIN_SOURCE_PATH                                                                 \
        return QTest::qExec(&tc, argc, argv);                                                      \
    }                                                                                              \
    [[maybe_unused]] const bool lanternTestRegistered                                              \
        = lantern::test::registerTest(__FILE__, &lanternTestMain);                                 \
    }

// As QTEST_MAIN: a QApplication when the executable links QtWidgets, a QGuiApplication when it
// links QtGui, else a QCoreApplication.
#define LANTERN_TEST_MAIN(TestObject) LANTERN_TEST_MAIN_WITH(TestObject, QTEST_MAIN_SETUP())

// As QTEST_GUILESS_MAIN: a QCoreApplication.
#define LANTERN_TEST_GUILESS_MAIN(TestObject)                                                      \
    LANTERN_TEST_MAIN_WITH(TestObject, QTEST_QAPP_SETUP(QCoreApplication))
