import { officialCommit } from './sources.js';
import type { DistroFamily, LineHistory, ReleaseStep } from './types.js';

/**
 * The Debian (or Ubuntu) release each version of the language images was built on, read from the history
 * of docker-library's tag lists (`library/<name>` in docker-library/official-images, up to the
 * commit `officialLibrary` cites). A version is built on the repository's default release of
 * its time; when Debian has a new release the default moves, and the version then current is
 * built again on it: that version's tags (`20.3.0`, `rust:1.89`) named both releases. A step
 * gives the first version built on a release and the commit that first lists it there.
 * Lines before the first step (tags that did not yet name their release) are not recorded.
 */

const REBUILT = true;

type StepRow = readonly [release: string, since: string, commit: string, date: string, rebuilt?: boolean];

const steps = (rows: readonly StepRow[]): ReleaseStep[] =>
  rows.map(([release, since, commit, date, rebuilt]): ReleaseStep => ({ release, since, rebuilt: rebuilt === true, date, source: officialCommit(commit, date) }));

const line = (name: string, last: string | null, rows: readonly StepRow[], family: DistroFamily = 'debian', when?: LineHistory['when']): LineHistory =>
  when === undefined ? { line: name, family, last, steps: steps(rows) } : { line: name, family, last, steps: steps(rows), when };

/** By major; node 20 moved to bookworm at 20.3.0 and was rebuilt on it until 20.20.2. */
export const NODE_HISTORY: readonly LineHistory[] = [
  line('6', '6.17.1', [['jessie', '6.14.2', 'a0df1ef8f4', '2018-05-29'], ['stretch', '6.14.4', 'eacdc596a5', '2018-11-25', REBUILT]]),
  line('8', '8.17.0', [['jessie', '8.11.2', 'a0df1ef8f4', '2018-05-29'], ['stretch', '8.13.0', 'eacdc596a5', '2018-11-25']]),
  line('9', '9.11.2', [['jessie', '9.11.1', 'a0df1ef8f4', '2018-05-29']]),
  line('10', '10.24.1', [['jessie', '10.3.0', 'a0df1ef8f4', '2018-05-29'], ['stretch', '10.13.0', 'eacdc596a5', '2018-11-25', REBUILT]]),
  line('11', '11.15.0', [['stretch', '11.0.0', '643824213c', '2018-11-01']]),
  line('12', '12.22.12', [['stretch', '12.0.0', 'f26448f7e4', '2019-04-24']]),
  line('13', '13.14.0', [['stretch', '13.0.0', '325d715221', '2019-10-22']]),
  line('14', '14.21.3', [['stretch', '14.0.0', 'd6a6ab7cf6', '2020-04-21'], ['buster', '14.19.3', 'cbd465c82b', '2022-07-04', REBUILT]]),
  line('15', '15.14.0', [['stretch', '15.0.0', '4ec4d10814', '2020-10-22']]),
  line('16', '16.20.2', [['buster', '16.0.0', 'd31d473286', '2021-04-26']]),
  line('17', '17.9.1', [['bullseye', '17.0.0', '6338a028b1', '2021-10-20']]),
  line('18', '18.20.8', [['bullseye', '18.0.0', '937e018e7a', '2022-04-20'], ['bookworm', '18.16.0', 'f1dbd513be', '2023-06-11', REBUILT]]),
  line('19', '19.9.0', [['bullseye', '19.0.0', 'fba37738e1', '2022-10-18']]),
  line('20', '20.20.2', [['bullseye', '20.0.0', '4b80a1e3ec', '2023-04-19'], ['bookworm', '20.3.0', 'f1dbd513be', '2023-06-11', REBUILT]]),
  line('21', '21.7.3', [['bookworm', '21.0.0', '4a9b3129c2', '2023-10-19']]),
  line('22', null, [['bookworm', '22.0.0', 'b88ac4f139', '2024-04-25']]),
  line('23', '23.11.1', [['bookworm', '23.0.0', '877923f1e2', '2024-10-16']]),
  line('24', null, [['bookworm', '24.0.0', '748be1cb22', '2025-05-06']]),
  line('25', '25.9.0', [['bookworm', '25.0.0', 'bbe47f3d7b', '2025-10-16']]),
  line('26', null, [['trixie', '26.0.0', 'a4555756f6', '2026-05-06']]),
];

/** By minor. */
export const PYTHON_HISTORY: readonly LineHistory[] = [
  line('3.5', '3.5.10', [['jessie', '3.5.3', '164c3225ca', '2017-07-18'], ['stretch', '3.5.5', 'b8cb21c45a', '2018-07-16', REBUILT], ['buster', '3.5.7', 'ebf5727f2d', '2019-07-11', REBUILT]]),
  line('3.6', '3.6.15', [['jessie', '3.6.2', '164c3225ca', '2017-07-18'], ['stretch', '3.6.5', 'f200d7ffde', '2018-05-23', REBUILT], ['buster', '3.6.9', 'ebf5727f2d', '2019-07-11', REBUILT], ['bullseye', '3.6.14', '40a17cce32', '2021-08-16', REBUILT]]),
  line('3.7', '3.7.17', [['stretch', '3.7.0', '9db89bc290', '2018-07-03'], ['buster', '3.7.4', 'ebf5727f2d', '2019-07-11', REBUILT], ['bullseye', '3.7.11', '40a17cce32', '2021-08-16', REBUILT], ['bookworm', '3.7.17', '42891ec5cb', '2023-06-13', REBUILT]]),
  line('3.8', '3.8.20', [['buster', '3.8.0', 'e02a1799f8', '2019-10-14'], ['bullseye', '3.8.11', '40a17cce32', '2021-08-16', REBUILT], ['bookworm', '3.8.17', '42891ec5cb', '2023-06-13', REBUILT]]),
  line('3.9', '3.9.25', [['buster', '3.9.0', 'd9675081d7', '2020-10-06'], ['bullseye', '3.9.6', '40a17cce32', '2021-08-16', REBUILT], ['bookworm', '3.9.17', '42891ec5cb', '2023-06-13', REBUILT], ['trixie', '3.9.23', '47a7ce01c5', '2025-08-11', REBUILT]]),
  line('3.10', null, [['bullseye', '3.10.0', '20a2c45a3d', '2021-10-05'], ['bookworm', '3.10.12', '42891ec5cb', '2023-06-13', REBUILT], ['trixie', '3.10.18', '47a7ce01c5', '2025-08-11', REBUILT]]),
  line('3.11', null, [['bullseye', '3.11.0', '2d2111d626', '2022-10-24'], ['bookworm', '3.11.4', '42891ec5cb', '2023-06-13', REBUILT], ['trixie', '3.11.13', '47a7ce01c5', '2025-08-11', REBUILT]]),
  line('3.12', null, [['bookworm', '3.12.0', '1541851400', '2023-10-02'], ['trixie', '3.12.11', '47a7ce01c5', '2025-08-11', REBUILT]]),
  line('3.13', null, [['bookworm', '3.13.0', 'f8e7c7ffe7', '2024-10-07'], ['trixie', '3.13.6', '47a7ce01c5', '2025-08-11', REBUILT]]),
  line('3.14', null, [['trixie', '3.14.0', '92b80e388d', '2025-10-07']]),
];

/** By minor. */
export const RUBY_HISTORY: readonly LineHistory[] = [
  line('2.2', '2.2.10', [['jessie', '2.2.7', '69ce9c10b3', '2017-08-03']]),
  line('2.3', '2.3.8', [['jessie', '2.3.4', '69ce9c10b3', '2017-08-03'], ['stretch', '2.3.7', 'f200d7ffde', '2018-05-23', REBUILT]]),
  line('2.4', '2.4.10', [['jessie', '2.4.1', '69ce9c10b3', '2017-08-03'], ['stretch', '2.4.4', 'f200d7ffde', '2018-05-23', REBUILT], ['buster', '2.4.6', '739e3cb335', '2019-07-11', REBUILT]]),
  line('2.5', '2.5.9', [['stretch', '2.5.0', '1baebe896e', '2017-12-26'], ['buster', '2.5.5', '739e3cb335', '2019-07-11', REBUILT]]),
  line('2.6', '2.6.10', [['stretch', '2.6.0', '04d6eec31a', '2018-12-27'], ['buster', '2.6.3', '739e3cb335', '2019-07-11', REBUILT], ['bullseye', '2.6.8', 'e217a7520b', '2021-08-16', REBUILT]]),
  line('2.7', '2.7.8', [['buster', '2.7.0', 'c8f66b749b', '2019-12-28'], ['bullseye', '2.7.4', 'e217a7520b', '2021-08-16', REBUILT]]),
  line('3.0', '3.0.7', [['buster', '3.0.0', '9e05e13468', '2020-12-28'], ['bullseye', '3.0.2', 'e217a7520b', '2021-08-16', REBUILT]]),
  line('3.1', '3.1.7', [['bullseye', '3.1.0', '86fad7ff79', '2021-12-27'], ['bookworm', '3.1.4', 'ee693b56eb', '2023-06-13', REBUILT]]),
  line('3.2', '3.2.11', [['bullseye', '3.2.0', '578e5c86fa', '2022-12-27'], ['bookworm', '3.2.2', 'ee693b56eb', '2023-06-13', REBUILT], ['trixie', '3.2.9', 'bafa1acd4a', '2025-08-11', REBUILT]]),
  line('3.3', null, [['bookworm', '3.3.0', '674e3b2049', '2023-12-26'], ['trixie', '3.3.9', 'bafa1acd4a', '2025-08-11', REBUILT]]),
  line('3.4', null, [['bookworm', '3.4.0', '57087ec7c4', '2024-12-25'], ['trixie', '3.4.5', 'bafa1acd4a', '2025-08-11', REBUILT]]),
  line('4.0', null, [['trixie', '4.0.0', 'ce78806c7e', '2025-12-25']]),
];

/** By minor; before Go 1.21 the first release of a minor is `1.20`, not `1.20.0`. */
export const GOLANG_HISTORY: readonly LineHistory[] = [
  line('1.7', '1.7.6', [['jessie', '1.7.6', '0bf8a64023', '2017-07-11']]),
  line('1.8', '1.8.7', [['jessie', '1.8.3', '0bf8a64023', '2017-07-11']]),
  line('1.9', '1.9.7', [['stretch', '1.9.0', '6b956ec170', '2017-08-24']]),
  line('1.10', '1.10.8', [['stretch', '1.10.0', 'c72a45225c', '2017-12-07']]),
  line('1.11', '1.11.13', [['stretch', '1.11.0', '74c14b96f6', '2018-08-27'], ['buster', '1.11.12', '0a0ea91a87', '2019-07-19', REBUILT]]),
  line('1.12', '1.12.17', [['stretch', '1.12.0', '3570595e04', '2019-02-26'], ['buster', '1.12.7', '0a0ea91a87', '2019-07-19', REBUILT]]),
  line('1.13', '1.13.15', [['buster', '1.13.0', 'c33cca6fc6', '2019-09-03']]),
  line('1.14', '1.14.15', [['buster', '1.14.0', '0792ea96e2', '2020-02-25']]),
  line('1.15', '1.15.15', [['buster', '1.15.0', 'e822e3d543', '2020-08-11']]),
  line('1.16', '1.16.15', [['buster', '1.16.0', '70d27d9da7', '2021-02-16'], ['bullseye', '1.16.7', '5e4bff1d38', '2021-08-16', REBUILT]]),
  line('1.17', '1.17.13', [['bullseye', '1.17.0', '5e4bff1d38', '2021-08-16']]),
  line('1.18', '1.18.10', [['bullseye', '1.18.0', '9075637808', '2022-03-15']]),
  line('1.19', '1.19.13', [['bullseye', '1.19.0', '97a5ac8611', '2022-08-02'], ['bookworm', '1.19.10', '404b42cca6', '2023-06-13', REBUILT]]),
  line('1.20', '1.20.14', [['bullseye', '1.20.0', 'ef0fb959c2', '2023-02-01'], ['bookworm', '1.20.5', '404b42cca6', '2023-06-13', REBUILT]]),
  line('1.21', '1.21.13', [['bookworm', '1.21.0', 'bf3a634655', '2023-08-08']]),
  line('1.22', '1.22.12', [['bookworm', '1.22.0', 'a8547817de', '2024-02-06']]),
  line('1.23', '1.23.12', [['bookworm', '1.23.0', '07bae434d6', '2024-08-13']]),
  line('1.24', '1.24.13', [['bookworm', '1.24.0', '6be6217f2a', '2025-02-11'], ['trixie', '1.24.6', '94496b3b30', '2025-08-12', REBUILT]]),
  line('1.25', '1.25.14', [['trixie', '1.25.0', '94496b3b30', '2025-08-12']]),
  line('1.26', null, [['trixie', '1.26.0', '4c068257bd', '2026-02-10']]),
  line('1.27', null, [['trixie', '1.27.0', '13110bdd43', '2026-08-19']]),
];

/** Only the newest release is built, so rust's versions are one line; its tags keep their last build. */
export const RUST_HISTORY: readonly LineHistory[] = [
  line('1', null, [['stretch', '1.19.0', '09f21039db', '2017-08-04'], ['buster', '1.37.0', 'b02360b61d', '2019-08-15'], ['bullseye', '1.55.0', '34503894b0', '2021-09-09'], ['bookworm', '1.72.0', '10f7c0abd9', '2023-08-24'], ['trixie', '1.89.0', 'ed7f8cd9a7', '2025-08-19', REBUILT]]),
];

/**
 * By major, Ubuntu. Versions are `8u302-b08` and `17.0.3_7` (`17_35` is 17's first build); every
 * version tag also names jdk or jre, and both kinds moved at the same commits. 8, 11, 17, 18 moved
 * to jammy at 2022-05-26 with a version then current (rebuilt); 11 and 25 moved to resolute likewise.
 */
const ubuntu = (name: string, last: string | null, rows: readonly StepRow[]): LineHistory => line(name, last, rows, 'ubuntu');

export const TEMURIN_HISTORY: readonly LineHistory[] = [
  ubuntu('8', null, [['focal', '8u302-b08', '3ebb22c899', '2021-08-13'], ['jammy', '8u332-b09', '6d689db484', '2022-05-26', REBUILT], ['noble', '8u422-b05', '34ebb140de', '2024-07-24'], ['resolute', '8u492-b09', 'd3bb1d38c1', '2026-05-12']]),
  ubuntu('11', null, [['focal', '11.0.12_7', '3ebb22c899', '2021-08-13'], ['jammy', '11.0.15_10', '6d689db484', '2022-05-26', REBUILT], ['noble', '11.0.24_8', 'c873c33952', '2024-07-23'], ['resolute', '11.0.31_11', '99b38d1ee5', '2026-05-08', REBUILT]]),
  ubuntu('16', '16.0.2_7', [['focal', '16.0.2_7', '3ebb22c899', '2021-08-13']]),
  ubuntu('17', null, [['focal', '17_35', 'bf23b8327c', '2021-09-22'], ['jammy', '17.0.3_7', '6d689db484', '2022-05-26', REBUILT], ['noble', '17.0.12_7', 'f61e3b3e30', '2024-07-22'], ['resolute', '17.0.19_10', '99b38d1ee5', '2026-05-08']]),
  ubuntu('18', '18.0.2.1_1', [['focal', '18_36', '76bd694f99', '2022-03-29'], ['jammy', '18.0.1_10', '6d689db484', '2022-05-26', REBUILT]]),
  ubuntu('19', '19.0.2_7', [['jammy', '19_36', '1d6e1d46b5', '2022-09-26']]),
  ubuntu('20', '20.0.2_9', [['jammy', '20_36', 'd9b9a85719', '2023-03-27']]),
  ubuntu('21', null, [['jammy', '21_35', '2a176a2535', '2023-10-11'], ['noble', '21.0.4_7', '1a22b8842b', '2024-07-22'], ['resolute', '21.0.11_10', '99b38d1ee5', '2026-05-08']]),
  ubuntu('22', '22.0.2_9', [['jammy', '22_36', '16e57f61c6', '2024-03-27'], ['noble', '22.0.2_9', 'c873c33952', '2024-07-23']]),
  ubuntu('23', '23.0.2_7', [['noble', '23_37', '7d4901c5d5', '2024-09-18']]),
  ubuntu('24', '24.0.2_12', [['noble', '24_36', '4d7fed5c06', '2025-03-25']]),
  ubuntu('25', null, [['noble', '25_36', '5d21b93a02', '2025-09-25'], ['resolute', '25.0.3_9', '99b38d1ee5', '2026-05-08', REBUILT]]),
  ubuntu('26', null, [['noble', '26_35', '03c908ebff', '2026-04-08'], ['resolute', '26.0.1_8', '2f2b424a20', '2026-05-15']]),
];

const FULL = { flavour: [''] } as const;
const SLIM = { flavour: ['slim'] } as const;

/**
 * By major, Debian, for the tags without an OS: up to Java 11 both the full and the slim ones
 * (they moved apart: 8's full tags reached buster at 8u242, its slim ones at 8u212-b04), from 12
 * only the slim ones (the others are Oracle Linux). 9, 10 and 11's first builds were on sid.
 * 11.0.3's jre-slim tags stayed on stretch while its jdk-slim ones were rebuilt on buster: the
 * line counts it as rebuilt. Early-access versions (`19-ea-5`) are not numbers and take the defaults.
 */
export const OPENJDK_HISTORY: readonly LineHistory[] = [
  ...[FULL, SLIM].map((when) => line('7', '7u221', [['jessie', '7u151', '0b195f02a7', '2018-01-03']], 'debian', when)),
  line('8', '8u342', [['stretch', '8u151', '0b195f02a7', '2018-01-03'], ['buster', '8u242', 'd66c0f54b4', '2020-02-05', REBUILT], ['bullseye', '8u302', 'd6dc089b25', '2021-08-25', REBUILT]], 'debian', FULL),
  line('8', '8u342', [['stretch', '8u151', '0b195f02a7', '2018-01-03'], ['buster', '8u212-b04', '5133885a2a', '2019-07-15', REBUILT], ['bullseye', '8u302', 'd6dc089b25', '2021-08-25', REBUILT]], 'debian', SLIM),
  ...[FULL, SLIM].map((when) => line('9', '9.0.4', [['sid', '9.0.1', '0b195f02a7', '2018-01-03']], 'debian', when)),
  ...[FULL, SLIM].map((when) => line('10', '10.0.2', [['sid', '10.0.1', '1e0687d90c', '2018-04-20']], 'debian', when)),
  line('11', '11.0.16', [['sid', '11.0.1', '5a2070edd0', '2018-10-18'], ['stretch', '11.0.1', '70670e6d9b', '2018-12-24', REBUILT], ['buster', '11.0.6', 'd66c0f54b4', '2020-02-05', REBUILT], ['bullseye', '11.0.12', 'd6dc089b25', '2021-08-25', REBUILT]], 'debian', FULL),
  line('11', '11.0.16', [['sid', '11.0.1', '5a2070edd0', '2018-10-18'], ['stretch', '11.0.1', '70670e6d9b', '2018-12-24', REBUILT], ['buster', '11.0.3', '5133885a2a', '2019-07-15', REBUILT], ['bullseye', '11.0.12', 'd6dc089b25', '2021-08-25', REBUILT]], 'debian', SLIM),
  line('13', '13.0.2', [['buster', '13.0.1', '9cbec90b8e', '2019-10-15']], 'debian', SLIM),
  line('14', '14.0.2', [['buster', '14.0.1', '13d8ab75ef', '2020-04-14']], 'debian', SLIM),
  line('15', '15.0.2', [['buster', '15.0.1', '4b4caeea5e', '2020-10-20']], 'debian', SLIM),
  line('16', '16.0.2', [['buster', '16.0.1', '4de724177b', '2021-04-20'], ['bullseye', '16.0.2', 'd6dc089b25', '2021-08-25', REBUILT]], 'debian', SLIM),
  line('17', '17.0.2', [['bullseye', '17.0.1', '06f8f6c4bf', '2021-10-19']], 'debian', SLIM),
  line('18', '18.0.2.1', [['bullseye', '18.0.1', 'aea2a56c8c', '2022-04-19']], 'debian', SLIM),
];

/**
 * By OTP major. Erlang's tags name no release: each line is built on buildpack-deps:<release> (slim on
 * debian:<release>), and a line moved when its Dockerfile's FROM did (erlang/docker-erlang-otp: 24 on
 * 2021-12-17, 26 on 2024-02-21, 28 on 2025-12-14), rebuilding the version then current. Every line from 24 is
 * still listed, and rebuilt on the release it names when that image is.
 */
export const ERLANG_HISTORY: readonly LineHistory[] = [
  line('24', null, [['buster', '24.0', '8692de4977', '2021-05-12'], ['bullseye', '24.2', 'f05bbb01ac', '2021-12-17', REBUILT]]),
  line('25', null, [['bullseye', '25.0', 'ba01b9b105', '2022-05-20']]),
  line('26', null, [['bullseye', '26.0', '9585553bdf', '2023-05-17'], ['bookworm', '26.2.2', 'c466f4f40c', '2024-02-21', REBUILT]]),
  line('27', null, [['bookworm', '27.0', '10434baf6f', '2024-05-22']]),
  line('28', null, [['bookworm', '28.0', 'bf6c8ed70c', '2025-05-22'], ['trixie', '28.3', 'c3d72b16ee', '2025-12-15', REBUILT]]),
  line('29', null, [['trixie', '29.0', 'e27ee5fd98', '2026-05-14']]),
];

