// The main of every GoogleTest binary of the project. GoogleTest reports
// "[  SKIPPED ]" for each test of a suite whose SetUpTestSuite failed, and
// ctest reads that marker as "skipped", hiding the failure. No test of ours
// skips itself, so such a test is printed as failed instead (the binary
// exits non-zero and ctest reports the failure).
#include <gtest/gtest.h>

#include <cstdio>

namespace {

class NoSilentSkips : public testing::EmptyTestEventListener {
 public:
  explicit NoSilentSkips(testing::TestEventListener* printer) : printer_(printer) {}
  ~NoSilentSkips() override { delete printer_; }

  void OnTestProgramStart(const testing::UnitTest& u) override { printer_->OnTestProgramStart(u); }
  void OnTestIterationStart(const testing::UnitTest& u, int i) override {
    printer_->OnTestIterationStart(u, i);
  }
  void OnEnvironmentsSetUpStart(const testing::UnitTest& u) override {
    printer_->OnEnvironmentsSetUpStart(u);
  }
  void OnEnvironmentsSetUpEnd(const testing::UnitTest& u) override {
    printer_->OnEnvironmentsSetUpEnd(u);
  }
  void OnTestSuiteStart(const testing::TestSuite& s) override { printer_->OnTestSuiteStart(s); }
  void OnTestStart(const testing::TestInfo& t) override { printer_->OnTestStart(t); }
  void OnTestPartResult(const testing::TestPartResult& r) override {
    printer_->OnTestPartResult(r);
  }
  void OnTestEnd(const testing::TestInfo& t) override {
    if (t.result()->Skipped()) {
      std::printf("[  FAILED  ] %s.%s: not run, its suite's set-up failed (see above)\n",
                  t.test_suite_name(), t.name());
      return;
    }
    printer_->OnTestEnd(t);
  }
  void OnTestSuiteEnd(const testing::TestSuite& s) override { printer_->OnTestSuiteEnd(s); }
  void OnEnvironmentsTearDownStart(const testing::UnitTest& u) override {
    printer_->OnEnvironmentsTearDownStart(u);
  }
  void OnEnvironmentsTearDownEnd(const testing::UnitTest& u) override {
    printer_->OnEnvironmentsTearDownEnd(u);
  }
  void OnTestIterationEnd(const testing::UnitTest& u, int i) override {
    // The summary counts skipped tests under "[  SKIPPED ]": say it otherwise.
    if (u.skipped_test_count() > 0) {
      std::printf("[  FAILED  ] %d test(s) not run because a suite's set-up failed\n",
                  u.skipped_test_count());
      std::fflush(stdout);
      return;
    }
    printer_->OnTestIterationEnd(u, i);
  }
  void OnTestProgramEnd(const testing::UnitTest& u) override { printer_->OnTestProgramEnd(u); }

 private:
  testing::TestEventListener* printer_;
};

}  // namespace

int main(int argc, char** argv) {
  testing::InitGoogleTest(&argc, argv);
  testing::TestEventListeners& listeners = testing::UnitTest::GetInstance()->listeners();
  listeners.Append(new NoSilentSkips(listeners.Release(listeners.default_result_printer())));
  const int status = RUN_ALL_TESTS();
  return testing::UnitTest::GetInstance()->skipped_test_count() > 0 ? 1 : status;
}
