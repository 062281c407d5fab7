from setuptools import setup, Extension
setup(name="fastparse", ext_modules=[Extension("fastparse._c", ["pkg/fast.c"])])
