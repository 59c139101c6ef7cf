// skip=true: the goal says so, no agent line appears, no report is written, and the tests pass.
def log = new File(basedir, 'build.log').text
assert log.contains('hotloop: skipped (skip=true)') : 'not as expected in build.log'
assert !log.contains('[hotloop]') : 'not as expected in build.log'
assert !log.contains('@{argLine}') : 'not as expected in build.log'
assert log.contains('Tests run: 2, Failures: 0, Errors: 0') : 'not as expected in build.log'
assert !new File(basedir, 'target/hotloop').exists()
return true
