// The tests ran with the agent: its load-time lines are in the build log, and the report names both methods.
def log = new File(basedir, 'build.log').text
assert log.contains('hotloop: argLine set to -javaagent:')
assert log.contains('--add-modules jdk.incubator.vector')
assert log =~ /\[hotloop\] sample\.Kernels\.scale\(float\[\],float\) line \d+: /
assert log =~ /\[hotloop\] sample\.Kernels\.add\(double\[\],double\[\],double\[\]\) line \d+: /
assert log.contains('Tests run: 3, Failures: 0, Errors: 0')

def report = new File(basedir, 'target/hotloop/hotloop-report.json')
assert report.isFile() : "no report at $report"
def json = report.text
assert json.contains('sample.Kernels.scale(float[],float)')
assert json.contains('sample.Kernels.add(double[],double[],double[])')
return true
