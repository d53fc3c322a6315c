# Test fixture: a realtime folder, no API_URL (the importer skips it).
def ticks_feed(tr_key):
    return ["FAKE0REAL", tr_key]
