FROM mcr.microsoft.com/devcontainers/python:3
