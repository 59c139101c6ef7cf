// The tests ran with the agent: its load-time lines are in the build log, and the report (JSON and HTML) names both methods.
def log = new File(basedir, 'build.log').text
assert log.contains('hotloop: argLine set to -javaagent:') : 'not as expected in build.log'
assert log.contains('--add-modules jdk.incubator.vector') : 'not as expected in build.log'
assert log =~ /\[hotloop\] sample\.Kernels\.scale\(float\[\],float\) line \d+: / : 'not as expected in build.log'
assert log =~ /\[hotloop\] sample\.Kernels\.add\(double\[\],double\[\],double\[\]\) line \d+: / : 'not as expected in build.log'
assert log.contains('Tests run: 3, Failures: 0, Errors: 0') : 'not as expected in build.log'

def report = new File(basedir, 'target/hotloop/hotloop-report.json')
assert report.isFile() : "no report at $report"
def json = report.text
assert json.contains('sample.Kernels.scale(float[],float)')
assert json.contains('sample.Kernels.add(double[],double[],double[])')

def html = new File(basedir, 'target/hotloop/hotloop-report.html')
assert html.isFile() : "no HTML page at $html"
// The page offers line breaks inside long names (<wbr>); the name is what a reader sees.
assert html.text.replace('<wbr>', '').contains('sample.Kernels.scale(float[],float)')
return true
