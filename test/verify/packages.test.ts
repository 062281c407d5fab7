import { describe, expect, it } from 'vitest';
import { packageDelta, parsePackageListing } from '../../src/verify/packages.js';

describe('package listings', () => {
  it('reads dpkg-query lines, dropping the architecture qualifier', () => {
    const list = parsePackageListing('dpkg\nbase-files\t12.4+deb12u5\nlibc6:amd64\t2.36-9+deb12u4\ncurl\t7.88.1-10+deb12u8\n');
    expect(list).toEqual({ manager: 'dpkg', packages: new Map([['base-files', '12.4+deb12u5'], ['libc6', '2.36-9+deb12u4'], ['curl', '7.88.1-10+deb12u8']]) });
  });

  it('reads apk info -v, whose names contain dashes', () => {
    const list = parsePackageListing('apk\nmusl-1.2.5-r0\nca-certificates-bundle-20240226-r0\nlibssl3-3.3.1-r3\n');
    expect(list.manager === 'apk' && [...list.packages]).toEqual([['musl', '1.2.5-r0'], ['ca-certificates-bundle', '20240226-r0'], ['libssl3', '3.3.1-r3']]);
  });

  it('reads rpm lines', () => {
    const list = parsePackageListing('rpm\nbash\t5.1.8-9.el9\n');
    expect(list.manager === 'rpm' && [...list.packages]).toEqual([['bash', '5.1.8-9.el9']]);
  });

  it('says when the image has no package manager', () => {
    expect(parsePackageListing('none\n')).toEqual({ manager: null, reason: 'no package list (dpkg-query, apk and rpm are missing or list nothing)' });
  });

  it('lists the packages lost and gained by name, and nothing when a list is unknown', () => {
    const before = parsePackageListing('dpkg\ncurl\t1\nca-certificates\t2\nopenssl\t3\n');
    const after = parsePackageListing('dpkg\ncurl\t1.1\nlibc6-dev\t2\n');
    expect(packageDelta(before, after)).toEqual({ lost: ['ca-certificates', 'openssl'], gained: ['libc6-dev'] });
    expect(packageDelta(before, { manager: null, reason: 'x' })).toBeNull();
  });
});
