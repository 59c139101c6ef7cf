// JaCoCo set argLine first; ours was appended: both agents ran, coverage and our report were written.
def log = new File(basedir, 'build.log').text
assert log =~ /hotloop: argLine set to -javaagent:\S*org\.jacoco\.agent\S* "-javaagent:/ : 'not as expected in build.log'
assert !log.contains("[WARNING] hotloop:") : 'no warning about JaCoCo any more in build.log'
// JaCoCo's probes in the loop no longer keep it scalar
assert log =~ /\[hotloop\] sample\.Kernels\.scale\(float\[\],float\) line \d+: SIMD float/ : 'not as expected in build.log'
assert log.contains('Tests run: 2, Failures: 0, Errors: 0') : 'not as expected in build.log'
assert new File(basedir, 'target/jacoco.exec').length() > 0
def report = new File(basedir, 'target/hot loop/report.json')
assert report.isFile() : "no report at $report"
assert report.text.contains('sample.Kernels.scale(float[],float)')
assert new File(basedir, 'target/hot loop/report.html').isFile()
return true
