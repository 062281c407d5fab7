import dagster as dg

@dg.asset
def hello():
    return 1

defs = dg.Definitions(assets=[hello])
