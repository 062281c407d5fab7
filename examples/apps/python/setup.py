from setuptools import setup

setup(
    name="hello-py",
    version="1.0.0",
    description="A small HTTP service that shuts down cleanly on SIGTERM.",
    packages=["hello_py"],
)
