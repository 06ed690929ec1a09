[pscustomobject]@{ 이름 = '가상머신'; State = 'Off' }
