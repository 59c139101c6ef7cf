// Under strict=true the test that calls the method fails, with the agent's diagnostic as the message.
def log = new File(basedir, 'build.log').text
assert log.contains('strict=true') : 'not as expected in build.log'
assert log =~ /\[hotloop\] sample\.Prefix\.prefixSum\(long\[\]\) line \d+: not vectorized/ : 'not as expected in build.log'
assert log.contains('Tests run: 1, Failures: 0, Errors: 1') : 'not as expected in build.log'
assert log =~ /(?s)PrefixTest.*sample\.Prefix\.prefixSum\(long\[\]\) line \d+: not vectorized/ : 'not as expected in build.log'
assert log.contains('BUILD FAILURE') : 'not as expected in build.log'
return true
