// The README's manual recipe (the same argLine) works: the copied jar runs as the agent of the tests.
def log = new File(basedir, 'build.log').text
assert new File(basedir, 'target/hotloop-agent.jar').isFile()
assert log =~ /\[hotloop\] sample\.Kernels\.scale\(float\[\],float\) line \d+: / : 'not as expected in build.log'
assert log =~ /\[hotloop\] sample\.Kernels\.add\(double\[\],double\[\],double\[\]\) line \d+: / : 'not as expected in build.log'
assert log.contains('Tests run: 3, Failures: 0, Errors: 0') : 'not as expected in build.log'
assert new File(basedir, 'target/hotloop-report.json').text.contains('sample.Kernels.add(double[],double[],double[])')
return true
