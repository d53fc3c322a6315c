# Test fixture written for kisbridge: one TR ID for both environments, a one-line signature.
# [국내주식] 시세 > 가상 동일[가상-004]
API_URL = "/uapi/domestic-stock/v1/quotations/same-everywhere"

def same_everywhere(env_dv: str = "real") -> pd.DataFrame:
    if env_dv == "real" or env_dv == "demo":
        tr_id = "FAKE00000004"
    else:
        raise ValueError("env_dv")
    params = {}
    res = ka._url_fetch(API_URL, tr_id, "", params)
    a = pd.DataFrame(res.getBody().output, index=[0])
